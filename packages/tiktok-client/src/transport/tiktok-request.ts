import type { z } from 'zod';

/**
 * What a call does to TikTok's state, which decides what may be retried (issue 4 §4):
 * reads and writes (updates, status changes: setting the same value twice is harmless) may be
 * retried; a create is retried after a transient failure only with an idempotency hook.
 */
export type CallEffect = 'read' | 'write' | 'create';

/** Issue 4 §4: a create is never retried blindly. */
export interface CreateIdempotency<Output> {
  /**
   * TikTok's body `request_id` (a 64-bit integer as a string, correction 1) on the creates that
   * take one (campaigns, ad groups): TikTok lets only one of the repeats succeed.
   */
  requestId?: string | undefined;
  /** Finds what an earlier attempt may have created; runs before every retry and after a 40050. */
  lookup?: (() => Promise<Output | undefined>) | undefined;
}

/** Per-call options every endpoint function accepts. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface TikTokRequest<Output> {
  method: 'GET' | 'POST';
  /** TikTok's path after the version, with its trailing slash (reference §0). */
  path: string;
  effect: CallEffect;
  /** Parses `data` of a successful envelope (style.md principle 4: only what we use). */
  schema: z.ZodType<Output>;
  /** Sent in the `Access-Token` header, never in a URL (issue 4 §1). */
  accessToken?: string | undefined;
  advertiserId?: string | undefined;
  query?: Record<string, unknown> | undefined;
  /** A JSON body, or form data for uploads by file. */
  body?: Record<string, unknown> | FormData | undefined;
  idempotency?: CreateIdempotency<Output> | undefined;
  /** Further credentials in the request (a token in a revoke body) to keep out of errors and logs. */
  sensitive?: readonly string[] | undefined;
  /**
   * How long one attempt may take, in place of the retry policy's: an upload of hundreds of
   * megabytes is still sending when a read would long have answered. The whole call's bound
   * grows with it.
   */
  timeoutMilliseconds?: number | undefined;
  signal?: AbortSignal | undefined;
}
