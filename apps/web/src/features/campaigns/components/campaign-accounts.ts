import type { CampaignSyncResponse, TikTokConnectionsResponse } from '@whathead/contracts';
import type { CampaignView } from './use-campaign-view';

/** An ad account the table can show: one the workspace uses, or one whose rows are kept but no longer sync. */
export interface AccountOption {
  advertiserId: string;
  name: string;
  syncing: boolean;
}

/**
 * The accounts to choose from: the workspace's selected accounts (Integrations), in the order the
 * connections list them, then accounts whose mirrored rows remain though they were deselected or
 * disconnected, which the table still shows as not syncing.
 */
export function accountOptions(
  connections: TikTokConnectionsResponse,
  sync: CampaignSyncResponse | undefined,
): AccountOption[] {
  const options = new Map<string, AccountOption>();
  for (const connection of connections.connections) {
    for (const account of connection.accounts) {
      if (account.selected && !options.has(account.advertiserId)) {
        options.set(account.advertiserId, {
          advertiserId: account.advertiserId,
          name: account.name,
          syncing: true,
        });
      }
    }
  }
  for (const account of sync?.accounts ?? []) {
    if (!options.has(account.advertiserId)) {
      options.set(account.advertiserId, {
        advertiserId: account.advertiserId,
        name: account.name,
        syncing: false,
      });
    }
  }
  return [...options.values()];
}

/** The accounts a view shows: those it names, or, when it names none, the default account (else all). */
export function resolveAccounts(
  chosen: CampaignView['accounts'],
  defaultAdvertiserId: string | null,
  options: readonly AccountOption[],
): readonly string[] | 'all' {
  if (chosen !== null) return chosen;
  const hasDefault = options.some((option) => option.advertiserId === defaultAdvertiserId);
  return defaultAdvertiserId !== null && hasDefault ? [defaultAdvertiserId] : 'all';
}

/** "All ad accounts", the one account's name, or how many. */
export function accountsSummary(
  accounts: readonly string[] | 'all',
  options: readonly AccountOption[],
): string {
  if (accounts === 'all') return 'All ad accounts';
  if (accounts.length === 1) {
    return options.find((option) => option.advertiserId === accounts[0])?.name ?? accounts[0] ?? '';
  }
  return `${accounts.length} ad accounts`;
}
