import { TokenUnreadableError } from '../lib/token-cipher.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type { TikTokConnectionService } from './tiktok-connection.service.js';
import { accountRefusalOf, attentionCauseOf, toAppError } from './tiktok-errors.js';

/** What an account's background pass shows while its connection is broken. */
export const needsReconnect =
  'The TikTok connection needs attention. Reconnect it in Integrations: the sync starts again by itself.';

export interface AccountPass<Result> {
  connections: TikTokConnectionRepository;
  connectionService: TikTokConnectionService;
  workspaceId: string;
  connectionId: string;
  /** What the pass does for the account, in words after "Whathead cannot …" ("sync it"). */
  purpose: string;
  /** The account's state goes to "working": called once the connection is known to be live. */
  started(): Promise<void>;
  /** The connection is gone or disconnected: nothing was tried. */
  connectionGone(): Promise<void>;
  work(accessToken: string): Promise<Result>;
  /** Records the outcome; answers what the job logs. */
  finished(result: Result): Promise<Record<string, unknown>>;
  /** Records why the pass failed, in the words the page shows. */
  failed(reason: string): Promise<void>;
}

/**
 * One ad account's background pass (campaign mirror, reports, media library): the connection
 * looked up and its token opened, the work run, and a failure put in words. A broken connection
 * or an account TikTok keeps out of its API ends the pass (Reconnect and the sweeps queue the
 * next); anything else is thrown for pg-boss to retry.
 */
export async function runAccountPass<Result>(pass: AccountPass<Result>): Promise<Record<string, unknown>> {
  const connection = await pass.connections.find(pass.workspaceId, pass.connectionId);
  if (!connection || connection.status === 'disconnected') {
    await pass.connectionGone();
    return { stopped: 'the connection is gone' };
  }
  await pass.started();
  try {
    const { result } = await pass.connectionService.withConnectionToken(connection, undefined, (token) =>
      pass.work(token),
    );
    return await pass.finished(result);
  } catch (error) {
    const stopped = error instanceof TokenUnreadableError || attentionCauseOf(error) !== undefined;
    const reason = stopped ? needsReconnect : passFailure(error, pass.purpose);
    await pass.failed(reason);
    if (stopped || accountRefusalOf(error)?.kind === 'not_eligible') return { stopped: reason };
    throw error;
  }
}

/** Why a pass failed, in a marketer's words, and whether it tries again by itself. */
export function passFailure(failure: unknown, purpose: string): string {
  if (accountRefusalOf(failure)?.kind === 'not_eligible')
    return `TikTok does not allow API access to this ad account, so Whathead cannot ${purpose}. Deselect it in Integrations, or ask TikTok to make it eligible for API access.`;
  try {
    const error = toAppError(failure);
    if (error.code === 'tiktok_rate_limited')
      return 'TikTok asked Whathead to slow down. The sync will try again.';
    if (error.code === 'tiktok_unavailable') return 'TikTok did not answer. The sync will try again.';
    return `The sync failed: ${error.message}`;
  } catch {
    // Not TikTok's failure but ours (the database, a bug): the account must not stay "importing".
    return 'The sync failed on Whathead’s side. It will try again; if this stays, tell your Whathead administrator.';
  }
}
