import type { Clock } from '../clock.js';
import { TikTokApiError } from '../errors/tiktok-api-error.js';
import type { TikTokClientLogger } from '../observability/tiktok-call-event.js';
import { currentCallPriority } from '../rate-limit/call-priority-context.js';
import type { CallPriority } from '../rate-limit/lanes.js';
import { RateLimitWaitError, type RateLimitedCall, type RateLimiter } from '../rate-limit/rate-limiter.js';
import { backoffDelay, rateLimitedBaseDelayMilliseconds, type RetryPolicy } from '../retry/retry-policy.js';
import { sendOnce, type AttemptContext } from './send-once.js';
import type { TikTokRequest } from './tiktok-request.js';

export interface TransportOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  limiter: RateLimiter;
  logger: TikTokClientLogger;
  retry: RetryPolicy;
  random: () => number;
  defaultPriority: CallPriority | null;
}

export interface Transport {
  readonly appId: string;
  readonly secret: string;
  readonly baseUrl: string;
  send<Output>(request: TikTokRequest<Output>): Promise<Output>;
}

/**
 * Every call goes through here: pace (issue 4 §4), send, classify, log each attempt without
 * credentials (§6), and retry what can succeed on retry within the attempt and time bounds.
 */
export function createTransport(options: TransportOptions): Transport {
  const { clock, limiter, logger, retry } = options;

  async function send<Output>(request: TikTokRequest<Output>): Promise<Output> {
    const context: AttemptContext = {
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      clock,
      timeoutMilliseconds: request.timeoutMilliseconds ?? retry.timeoutMilliseconds,
      secrets: [request.accessToken, options.secret, ...(request.sensitive ?? [])],
      betweenSteps: limiter.betweenSends,
    };
    const priority = currentCallPriority() ?? options.defaultPriority;
    if (!priority)
      throw new Error(`TikTok call ${request.path} names no lane: make it inside withCallPriority()`);
    const call: RateLimitedCall = {
      path: request.path,
      advertiserId: request.advertiserId,
      lane: priority.lane,
      tenant: priority.tenant,
      rank: priority.rank,
    };
    // A call given a longer attempt keeps room for a second one within its whole bound.
    const deadline =
      clock.now() + Math.max(retry.maxTotalMilliseconds, 2 * (request.timeoutMilliseconds ?? 0));
    for (let attempt = 1; ; attempt += 1) {
      await pace(request, call, deadline, attempt);
      const started = clock.now();
      try {
        const result = await sendOnce(context, request);
        logger.info({
          ...identity(request, attempt, call),
          code: 0,
          requestId: result.requestId,
          httpStatus: result.httpStatus,
          durationMilliseconds: clock.now() - started,
          outcome: 'success',
        });
        return result.output;
      } catch (error) {
        if (!TikTokApiError.isInstance(error)) throw error;
        error.attempts = attempt;
        if (error.kind === 'rate_limited' && error.rateLimit)
          error.retryAt = await limiter.penalize(call, error.rateLimit);
        const delay = retryDelay(request, error, attempt, deadline);
        logger.warn({
          ...identity(request, attempt, call),
          code: error.code,
          requestId: error.requestId,
          httpStatus: error.httpStatus,
          durationMilliseconds: clock.now() - started,
          outcome: 'failure',
          kind: error.kind,
          willRetry: delay !== undefined,
          message: error.tiktokMessage,
        });
        const found = await lookupAfterFailure(request, error, attempt);
        if (found !== undefined) return found;
        if (delay === undefined) throw error;
        await clock.sleep(delay, request.signal);
      }
    }
  }

  async function pace(
    request: TikTokRequest<unknown>,
    call: RateLimitedCall,
    deadline: number,
    attempt: number,
  ) {
    try {
      await limiter.acquire(call, { deadline, signal: request.signal });
    } catch (error) {
      if (!(error instanceof RateLimitWaitError)) throw error;
      throw new TikTokApiError({
        kind: 'rate_limited',
        code: undefined,
        tiktokMessage: `not sent: the rate budget has no slot before the retry deadline (next at ${new Date(error.retryAt).toISOString()})`,
        requestId: undefined,
        httpStatus: undefined,
        method: request.method,
        path: request.path,
        advertiserId: request.advertiserId,
        retryable: true,
        attempts: attempt - 1,
        retryAt: error.retryAt,
      });
    }
  }

  /** The wait before the next attempt, or undefined when this failure must not be retried. */
  function retryDelay(
    request: TikTokRequest<unknown>,
    error: TikTokApiError,
    attempt: number,
    deadline: number,
  ): number | undefined {
    if (!error.retryable || attempt >= retry.maxAttempts) return undefined;
    // A throttled call was refused before TikTok acted on it, so even a create may go again;
    // any other failure of a create may have created the object (issue 4 §4).
    const hook = request.idempotency;
    const safe =
      request.effect !== 'create' ||
      error.kind === 'rate_limited' ||
      hook?.requestId !== undefined ||
      hook?.lookup !== undefined;
    if (!safe) return undefined;
    // A throttle is waited out to the end of the limiter's pause, not retried inside it (§8:
    // nothing comes back sooner). When the pause outlasts the deadline the caller gets the error
    // now, with retryAt, rather than after a wait that could only end in the same failure.
    if (error.retryAt !== undefined)
      return error.retryAt > deadline ? undefined : Math.max(0, error.retryAt - clock.now());
    const base =
      error.kind === 'rate_limited' ? rateLimitedBaseDelayMilliseconds : retry.baseDelayMilliseconds;
    const delay = backoffDelay(attempt, base, retry, options.random);
    return clock.now() + delay > deadline ? undefined : delay;
  }

  /** Before retrying a create, or when TikTok says a repeat was a duplicate, ask whether it exists. */
  async function lookupAfterFailure<Output>(
    request: TikTokRequest<Output>,
    error: TikTokApiError,
    attempt: number,
  ) {
    const lookup = request.idempotency?.lookup;
    if (request.effect !== 'create' || !lookup || error.kind === 'rate_limited') return undefined;
    const duplicateOfEarlierAttempt = error.kind === 'duplicate' && attempt > 1;
    if (!error.retryable && !duplicateOfEarlierAttempt) return undefined;
    return lookup();
  }

  return { appId: options.appId, secret: options.secret, baseUrl: options.baseUrl, send };
}

const identity = (request: TikTokRequest<unknown>, attempt: number, call: RateLimitedCall) => ({
  method: request.method,
  path: request.path,
  advertiserId: request.advertiserId,
  lane: call.lane,
  attempt,
});
