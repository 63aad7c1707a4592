import { AppError, notFound } from '../../errors.js';
import { TokenUnreadableError } from '../../lib/token-cipher.js';
import type {
  BuilderAccountRow,
  BuilderAccountsRepository,
} from '../../repositories/builder/builder-accounts.repository.js';
import type { TikTokConnectionRepository } from '../../repositories/tiktok-connection.repository.js';
import type { TikTokConnectionService } from '../tiktok-connection.service.js';
import { accountRefusalOf, attentionCauseOf, toAppError } from '../tiktok-errors.js';

/** What a builder form hears when the account's connection is broken: the one action that fixes it. */
export const reconnectWords =
  'The TikTok connection needs attention. Reconnect it in Integrations, then try again.';

export interface AccountCallDependencies {
  accounts: BuilderAccountsRepository;
  connections: TikTokConnectionRepository;
  connectionService: TikTokConnectionService;
}

/**
 * Runs `work` with the token of the connection that reaches one of the workspace's selected ad
 * accounts, while a person waits (the route's interactive lane). Every failure is answered in
 * words: an account the workspace does not use is not found, a broken connection asks for
 * Reconnect, TikTok's refusals and outages say what they are.
 * `purpose` completes "Whathead cannot …" ("read its pixels").
 */
export async function withAccountToken<Result>(
  dependencies: AccountCallDependencies,
  actor: { userId: string } | undefined,
  target: { workspaceId: string; advertiserId: string; purpose: string },
  work: (call: { accessToken: string; advertiserId: string }) => Promise<Result>,
): Promise<Result> {
  const account = await selectedAccount(dependencies.accounts, target.workspaceId, target.advertiserId);
  if (account.waitingForReconnect) throw new AppError('tiktok_reconnect_required', reconnectWords);
  const connection = account.usable
    ? await dependencies.connections.find(target.workspaceId, account.connectionId)
    : undefined;
  if (!connection || connection.status !== 'connected')
    throw new AppError(
      'tiktok_account_not_usable',
      'TikTok no longer lets the connected TikTok user reach this ad account. Check its access in TikTok Business Center, then in Integrations.',
    );
  try {
    const { result } = await dependencies.connectionService.withConnectionToken(
      connection,
      actor,
      (accessToken) => work({ accessToken, advertiserId: account.advertiserId }),
    );
    return result;
  } catch (error) {
    if (error instanceof TokenUnreadableError || attentionCauseOf(error) !== undefined)
      throw new AppError('tiktok_reconnect_required', reconnectWords, { cause: error });
    if (accountRefusalOf(error)?.kind === 'not_eligible')
      throw new AppError(
        'tiktok_account_not_usable',
        `TikTok does not allow API access to this ad account, so Whathead cannot ${target.purpose}. Deselect it in Integrations, or ask TikTok to make it eligible for API access.`,
        { cause: error },
      );
    throw toAppError(error);
  }
}

/** One of the workspace's selected ad accounts; any other answers as not found. */
export async function selectedAccount(
  accounts: BuilderAccountsRepository,
  workspaceId: string,
  advertiserId: string,
): Promise<BuilderAccountRow> {
  const account = (await accounts.selected(workspaceId)).find((each) => each.advertiserId === advertiserId);
  if (!account) throw notFound('This ad account');
  return account;
}
