import type { ValidationContext } from '@whathead/contracts';
import type { BuilderAccountRow } from '../../repositories/builder/builder-accounts.repository.js';

/**
 * What the builder's rules check a draft against on the server: the workspace's selected ad
 * accounts (a campaign must use one; its currency sets TikTok's budget minimums) and the time.
 * The preview and the publish build it the same way.
 */
export function validationContext(accounts: readonly BuilderAccountRow[], now: Date): ValidationContext {
  return {
    now: now.getTime(),
    accounts: new Map(
      accounts.map((account) => [account.advertiserId, { name: account.name, currency: account.currency }]),
    ),
  };
}
