import type { Clock } from '../clock.js';
import { classifyEnvelopeError, classifyHttpStatus } from '../errors/error-catalogue.js';
import { TikTokApiError } from '../errors/tiktok-api-error.js';
import { redactSecrets } from '../observability/redact-secrets.js';
import { encodeQuery } from './encode-query.js';
import { readEnvelope } from './envelope.js';
import type { TikTokRequest } from './tiktok-request.js';

export interface AttemptContext {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  timeoutMilliseconds: number;
  /** Values that must never appear in an error: the token and the app secret. */
  secrets: readonly (string | undefined)[];
  /** A later turn of the event loop that starts no step just before a booked call (the limiter's). */
  betweenSteps: () => Promise<void>;
}

export interface AttemptResult<Output> {
  output: Output;
  requestId: string | undefined;
  httpStatus: number;
}

class TimeoutSignal extends Error {}

/** One HTTP exchange: build, send with a timeout, read the envelope, parse `data` or classify the failure. */
export async function sendOnce<Output>(
  context: AttemptContext,
  request: TikTokRequest<Output>,
): Promise<AttemptResult<Output>> {
  const failure = (
    details: Partial<ConstructorParameters<typeof TikTokApiError>[0]> & { tiktokMessage: string },
  ) =>
    new TikTokApiError({
      kind: 'unexpected_response',
      code: undefined,
      requestId: undefined,
      httpStatus: undefined,
      method: request.method,
      path: request.path,
      advertiserId: request.advertiserId,
      retryable: false,
      attempts: 1,
      ...details,
      tiktokMessage: redactSecrets(details.tiktokMessage, context.secrets),
    });

  const { status, body } = await exchange(context, request, failure);
  // A page of 1,000 objects takes milliseconds to decode, parse and check: booked calls are sent
  // on time between the steps, not after them.
  await context.betweenSteps();
  const envelope = readEnvelope(body);
  if (!envelope) {
    const http =
      status >= 200 && status < 300
        ? { kind: 'unexpected_response' as const, retryable: false }
        : classifyHttpStatus(status);
    return Promise.reject(
      failure({
        ...http,
        httpStatus: status,
        tiktokMessage: `HTTP ${status} without TikTok's JSON envelope`,
      }),
    );
  }
  if (envelope.code !== 0) {
    const classification = classifyEnvelopeError(envelope.code, envelope.message);
    return Promise.reject(
      failure({
        ...classification,
        code: envelope.code,
        httpStatus: status,
        requestId: envelope.requestId,
        tiktokMessage: envelope.message || 'no message',
        data: envelope.data,
      }),
    );
  }
  await context.betweenSteps();
  const parsed = request.schema.safeParse(envelope.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'data';
    return Promise.reject(
      failure({
        code: 0,
        httpStatus: status,
        requestId: envelope.requestId,
        tiktokMessage: `data did not match the expected shape at ${where}: ${issue?.message ?? 'invalid'}`,
      }),
    );
  }
  return { output: parsed.data, requestId: envelope.requestId, httpStatus: status };
}

async function exchange<Output>(
  context: AttemptContext,
  request: TikTokRequest<Output>,
  failure: (details: {
    kind: 'transient';
    retryable: true;
    tiktokMessage: string;
    cause: unknown;
  }) => TikTokApiError,
): Promise<{ status: number; body: string }> {
  request.signal?.throwIfAborted();
  const timeout = new AbortController();
  const stopTimer = new AbortController();
  context.clock
    .sleep(context.timeoutMilliseconds, stopTimer.signal)
    .then(() => timeout.abort(new TimeoutSignal()))
    .catch(() => undefined);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
  try {
    const response = await context.fetch(urlOf(context.baseUrl, request), { ...init(request), signal });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    // The caller's own cancellation is not a TikTok failure: it propagates as is.
    if (request.signal?.aborted) throw request.signal.reason;
    const timedOut = timeout.signal.aborted;
    const text = timedOut
      ? `no answer within ${context.timeoutMilliseconds} ms`
      : `connection failed: ${describeNetworkError(error)}`;
    const cause = new Error(redactSecrets(text, context.secrets));
    throw failure({ kind: 'transient', retryable: true, tiktokMessage: text, cause });
  } finally {
    stopTimer.abort();
  }
}

function urlOf(baseUrl: string, request: TikTokRequest<unknown>): string {
  const query = request.query ? encodeQuery(request.query) : '';
  return `${baseUrl.replace(/\/+$/, '')}${request.path}${query ? `?${query}` : ''}`;
}

/** Reference §0: the token in the `Access-Token` header; JSON bodies; multipart for files. */
function init(request: TikTokRequest<unknown>): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.accessToken !== undefined) headers['access-token'] = request.accessToken;
  if (request.body === undefined) return { method: request.method, headers };
  if (request.body instanceof FormData) return { method: request.method, headers, body: request.body };
  headers['content-type'] = 'application/json';
  return { method: request.method, headers, body: JSON.stringify(request.body) };
}

/** Node's fetch wraps the socket error in `cause`; its code (ECONNRESET…) is what helps. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
