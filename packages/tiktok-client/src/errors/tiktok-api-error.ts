import type { RateLimitSignal, TikTokErrorKind } from './tiktok-error-kind.js';

const marker = Symbol.for('whathead.tiktok-client.TikTokApiError');

export interface TikTokApiErrorDetails {
  kind: TikTokErrorKind;
  /** TikTok's envelope `code`; undefined when no envelope arrived (HTTP fault, network). */
  code: number | undefined;
  /** TikTok's own text, redacted of credentials; our description when TikTok sent none. */
  tiktokMessage: string;
  requestId: string | undefined;
  httpStatus: number | undefined;
  method: string;
  path: string;
  advertiserId: string | undefined;
  retryable: boolean;
  /** The number of attempts made before giving up. */
  attempts: number;
  /** invalid_request: the parameter TikTok named ("field: message"). */
  field?: string | undefined;
  /** permission_denied: the endpoint permission TikTok said is missing, e.g. "/file/video/ad/search/:GET". */
  missingPermission?: string | undefined;
  rateLimit?: RateLimitSignal | undefined;
  /**
   * rate_limited: when TikTok's budget is expected back (epoch ms) — the end of the pause the
   * rate limiter set after TikTok's answer (reference §8: next second, 5 minutes, 00:00 UTC), or
   * the next free slot when the call was not sent. Undefined for other kinds.
   */
  retryAt?: number | undefined;
  /** partial_success and other failures that carry data (20001 lists the failed items). */
  data?: unknown;
  cause?: unknown;
}

/**
 * The one error of the TikTok client (style.md principle 7; modelled on vercel/ai's APICallError):
 * TikTok's code, message and request_id, the HTTP status, the endpoint, and the kind the product
 * acts on. Never carries the access token or the app secret.
 */
export class TikTokApiError extends Error {
  override readonly name = 'TikTokApiError';
  readonly kind: TikTokErrorKind;
  readonly code: number | undefined;
  readonly tiktokMessage: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly advertiserId: string | undefined;
  readonly retryable: boolean;
  attempts: number;
  readonly field: string | undefined;
  readonly missingPermission: string | undefined;
  readonly rateLimit: RateLimitSignal | undefined;
  /** See TikTokApiErrorDetails.retryAt; set by the transport once the limiter has paused. */
  retryAt: number | undefined;
  readonly data: unknown;

  constructor(details: TikTokApiErrorDetails) {
    const code = details.code === undefined ? '' : `${details.code} `;
    const request = details.requestId ? ` (request_id ${details.requestId})` : '';
    super(
      `TikTok ${details.method} ${details.path} failed: ${code}${details.kind}: ${details.tiktokMessage}${request}`,
      {
        cause: details.cause,
      },
    );
    Object.defineProperty(this, marker, { value: true });
    this.kind = details.kind;
    this.code = details.code;
    this.tiktokMessage = details.tiktokMessage;
    this.requestId = details.requestId;
    this.httpStatus = details.httpStatus;
    this.method = details.method;
    this.path = details.path;
    this.advertiserId = details.advertiserId;
    this.retryable = details.retryable;
    this.attempts = details.attempts;
    this.field = details.field;
    this.missingPermission = details.missingPermission;
    this.rateLimit = details.rateLimit;
    this.retryAt = details.retryAt;
    this.data = details.data;
  }

  /** The endpoint as logs show it, e.g. "GET /campaign/get/". */
  get endpoint(): string {
    return `${this.method} ${this.path}`;
  }

  /** Works across duplicated module copies, unlike `instanceof` (as vercel/ai's errors do). */
  static isInstance(error: unknown): error is TikTokApiError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
