import type { TikTokAttentionCause } from '@whathead/contracts';
import { RateLimiterClosedError, TikTokApiError } from '@whathead/tiktok-client';
import { AppError } from '../errors.js';

/** Long enough for a load balancer to see this process gone and send the retry elsewhere. */
const shutdownRetryAfterSeconds = 5;

/**
 * A failed TikTok call as the user should hear it (style.md principle 8): the cause and the one
 * action that fixes it, never TikTok's code. The TikTok error stays the `cause`, for the logs.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RateLimiterClosedError) {
    // This process is shutting down (server.ts) and the call never reached TikTok: nothing is
    // wrong with TikTok or the connection, and the same request succeeds on a process that stays.
    return new AppError(
      'server_busy',
      'This Whathead process is shutting down; try again in a few seconds.',
      {
        cause: error,
        details: { retryAfterSeconds: shutdownRetryAfterSeconds },
      },
    );
  }
  if (!TikTokApiError.isInstance(error)) throw error;
  switch (error.kind) {
    case 'auth_invalid':
      return new AppError(
        'tiktok_reconnect_required',
        'TikTok no longer accepts this connection. Reconnect it.',
        {
          cause: error,
        },
      );
    case 'permission_denied':
      return new AppError(
        'tiktok_permission_denied',
        'TikTok refused: the connected TikTok user lacks a permission or role for this.',
        { cause: error },
      );
    case 'advertiser_unavailable':
      // Reference §3.4/§7: 40001 "The advertiser … doesn't exist or has been deleted", and the
      // 403xx family. Not TikTok failing: the account itself is gone or out of reach.
      return new AppError(
        'tiktok_advertiser_unavailable',
        `TikTok says the ad account${error.advertiserId ? ` ${error.advertiserId}` : ''} doesn't exist, was deleted, or is no longer shared with the connected TikTok user. Check it in TikTok Ads Manager, then reconnect.`,
        { cause: error },
      );
    case 'rate_limited': {
      // Correction 18: TikTok's own pause (5 minutes after a per-minute limit, 00:00 UTC after a
      // daily one) decides when a person can expect Whathead to try again.
      const retryAt = new Date(error.retryAt ?? Date.now() + 60_000);
      const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
      return new AppError('tiktok_rate_limited', 'TikTok is busy; Whathead will try again shortly.', {
        cause: error,
        details: { retryAfterSeconds, retryAt: retryAt.toISOString() },
      });
    }
    case 'invalid_request':
      // TikTok's own sentence is the reason (its code never is): retrying the same values
      // cannot help, unlike TikTok being down.
      return new AppError(
        'tiktok_refused',
        `TikTok refused the change: ${refusalWords(error.tiktokMessage)}`,
        {
          cause: error,
        },
      );
    case 'not_found':
      return new AppError(
        'tiktok_refused',
        'TikTok no longer has it: it was deleted there. Refresh to see.',
        {
          cause: error,
        },
      );
    case 'duplicate':
      return new AppError(
        'tiktok_refused',
        'TikTok already has one by that name in this ad account. Choose another name.',
        {
          cause: error,
        },
      );
    default:
      return new AppError('tiktok_unavailable', 'TikTok did not answer as expected; try again later.', {
        cause: error,
      });
  }
}

/** TikTok's message as a sentence: trimmed, ending with a full stop. */
function refusalWords(message: string): string {
  const sentence = message.trim() || 'it gave no reason';
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Which warning a failed call puts on its connection, or undefined when the failure says nothing
 * about the connection (TikTok busy or down: retry, nothing changes). Reference §7: 40102 is an
 * expired token; every other auth failure means the access is gone.
 */
export function attentionCauseOf(error: unknown): TikTokAttentionCause | undefined {
  if (!TikTokApiError.isInstance(error)) return undefined;
  if (error.kind === 'auth_invalid') return error.code === 40102 ? 'token_expired' : 'token_revoked';
  if (error.kind === 'permission_denied') {
    return error.path.startsWith('/bc/') ? 'business_center_access_lost' : 'permissions_missing';
  }
  return undefined;
}

/**
 * A refusal about one ad account rather than the whole connection: TikTok's 40001 naming an
 * advertiser on a call the granted scope allows (the user's role there is view-only, correction
 * 16), or its "not eligible for API access" refusal. Undefined for anything else.
 */
export function accountRefusalOf(
  error: unknown,
): { advertiserId: string; kind: 'write_refused' | 'not_eligible' } | undefined {
  if (!TikTokApiError.isInstance(error) || !error.advertiserId) return undefined;
  if (/not eligible/i.test(error.tiktokMessage))
    return { advertiserId: error.advertiserId, kind: 'not_eligible' };
  if (error.kind === 'permission_denied' && !error.missingPermission && !error.path.startsWith('/bc/'))
    return { advertiserId: error.advertiserId, kind: 'write_refused' };
  return undefined;
}
