/**
 * What Whathead does about a failed TikTok call (style.md principle 7). The mapping from
 * TikTok's codes lives in error-catalogue.ts; README.md shows it as a table.
 */
export const tiktokErrorKinds = [
  /** The token no longer works (expired, revoked, wrong app): the user must reconnect. */
  'auth_invalid',
  /**
   * The code exchange was refused because the auth_code is old, used or cancelled (40101/40110
   * naming the auth code, correction 17): a stale or repeated sign-in, not a misconfigured app.
   * The user simply connects again.
   */
  'authorization_code_invalid',
  /** The token lacks a permission (scope) or the user's role is too weak for the call. */
  'permission_denied',
  /** The ad account is unknown, deleted or not eligible for API access. */
  'advertiser_unavailable',
  /** TikTok throttled the call; `rateLimit` says which window. Retryable. */
  'rate_limited',
  /** TikTok rejected a parameter; `field` names it when the message does. */
  'invalid_request',
  /** TikTok or the network failed (5xxxx codes, HTTP 5xx, timeouts, dropped connections). Retryable. */
  'transient',
  /** The object does not exist. */
  'not_found',
  /** A create was repeated (40050) or a file name is taken (40911). */
  'duplicate',
  /** Not ready yet (a video still transcoding, a report task running): try again later. */
  'not_ready',
  /** 20001: some items of a batch failed; `data` lists them. */
  'partial_success',
  /** Whathead's own setup is wrong: app id/secret, blocked app, base URL. */
  'configuration',
  /** The answer was not TikTok's envelope, or its data did not have the shape we rely on. */
  'unexpected_response',
  /** A code the catalogue does not know. */
  'unknown',
] as const;

export type TikTokErrorKind = (typeof tiktokErrorKinds)[number];

/** Reference §8: the window of a limit, and whose budget it counts. */
export interface RateLimitSignal {
  window: 'second' | 'minute' | 'day' | undefined;
  scope: 'app' | 'endpoint' | 'advertiser' | 'field';
}
