import type { TikTokConnectionsResponse, ValidationAccount } from '@whathead/contracts';

/** An ad account a campaign can be published to: one the workspace uses (chosen in Integrations). */
export interface BuilderAccount {
  advertiserId: string;
  name: string;
  currency: string | null;
}

export interface BuilderAccounts {
  accounts: BuilderAccount[];
  /** Where + Campaign puts a new campaign: the workspace's default account, else its first. */
  defaultAdvertiserId: string | null;
}

export function builderAccounts(connections: TikTokConnectionsResponse): BuilderAccounts {
  const accounts = new Map<string, BuilderAccount>();
  for (const connection of connections.connections) {
    for (const account of connection.accounts) {
      if (!account.selected || accounts.has(account.advertiserId)) continue;
      accounts.set(account.advertiserId, {
        advertiserId: account.advertiserId,
        name: account.name,
        currency: account.currency,
      });
    }
  }
  const chosen = connections.defaultAdvertiserId;
  const defaultAdvertiserId =
    chosen !== null && accounts.has(chosen) ? chosen : ([...accounts.keys()][0] ?? null);
  return { accounts: [...accounts.values()], defaultAdvertiserId };
}

/** The accounts as the contracts' rules look them up. */
export function validationAccounts(accounts: readonly BuilderAccount[]): Map<string, ValidationAccount> {
  return new Map(
    accounts.map((account) => [account.advertiserId, { name: account.name, currency: account.currency }]),
  );
}
