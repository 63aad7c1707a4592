import { tiktokCallbackErrorSchema, type TikTokCallbackError } from '@whathead/contracts';

/**
 * What TikTok's redirect reported: the connection made, a grant whose Business Centers the user
 * chooses from (it touched several), or why nothing was connected.
 */
export type TikTokConnectResult =
  | { connected: string }
  | { grant: string }
  /** `retryAt`: when TikTok's pause ends (ISO time), for `rate_limited`. */
  | { error: TikTokCallbackError; retryAt?: string | undefined };

/**
 * How the callback page and the Integrations tab talk. Not `window.opener`: the server's
 * Cross-Origin-Opener-Policy puts the popup in a new browsing context group when it comes back
 * from TikTok, which severs the opener and clears the window's name. Same-origin pages still
 * share a BroadcastChannel, so the callback page announces the result there, and the tab that
 * opened a popup answers that it did; only then does the callback page close its window.
 */
export type TikTokConnectMessage =
  { type: 'result'; result: TikTokConnectResult } | { type: 'popup-acknowledged' };

export const tiktokConnectChannel = 'whathead-tiktok-connect';

/** The popup's window name: kept when no policy severs it, so the page can close at once. */
export const tiktokPopupName = 'whathead-tiktok-connect';

/** How long the callback page waits for a tab that opened a popup before showing the result itself. */
export const popupAcknowledgementMilliseconds = 1500;

export function isTikTokConnectMessage(value: unknown): value is TikTokConnectMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return value.type === 'result' || value.type === 'popup-acknowledged';
}

/** The result in an address (`connected=`, `grant=` or `tiktok_error=`); undefined when none. */
export function readTikTokConnectResult(searchParams: URLSearchParams): TikTokConnectResult | undefined {
  const connected = searchParams.get('connected');
  if (connected) return { connected };
  const grant = searchParams.get('grant');
  if (grant) return { grant };
  const error = searchParams.get('tiktok_error');
  if (error === null) return undefined;
  const known = tiktokCallbackErrorSchema.safeParse(error);
  const retryAt = searchParams.get('retry_at');
  // Only a real time is kept: the address can be edited by anyone.
  const validRetryAt = retryAt !== null && !Number.isNaN(Date.parse(retryAt)) ? retryAt : undefined;
  return known.success
    ? { error: known.data, ...(validRetryAt ? { retryAt: validRetryAt } : {}) }
    : { error: 'failed' };
}

/** The same result as address parameters, for a full-page connect that continues to Integrations. */
export function tiktokConnectResultParams(result: TikTokConnectResult): URLSearchParams {
  if ('connected' in result) return new URLSearchParams({ connected: result.connected });
  if ('grant' in result) return new URLSearchParams({ grant: result.grant });
  return new URLSearchParams({
    tiktok_error: result.error,
    ...(result.retryAt ? { retry_at: result.retryAt } : {}),
  });
}
