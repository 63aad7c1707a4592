import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as delay } from 'node:timers/promises';
import { defaultApiErrorMessage, type FaultRule } from '../faults/fault-injector.js';
import type { EmulatorRuntime } from '../runtime.js';
import { markChanged } from '../state/store.js';
import { ApiError } from './api-error.js';
import type { Endpoint } from './define-endpoint.js';
import { failureEnvelope, successEnvelope, type Envelope } from './envelope.js';
import { gatewayPages } from './gateway-pages.js';
import { readMultipart } from './multipart-input.js';
import { requestText } from './raw-body.js';
import { authorizeAdvertisers, checkRateLimits, resolveToken } from './request-guards.js';
import { parseInput } from './params.js';

export const apiPrefix = '/open_api/v1.3';

/** Registers TikTok endpoints with the transport of reference §0/§2 and the checks of §7–§9. */
export function registerApiEndpoints(
  app: FastifyInstance,
  runtime: EmulatorRuntime,
  endpoints: Endpoint[],
): void {
  for (const endpoint of endpoints) {
    app.route({
      method: endpoint.method,
      url: `${apiPrefix}${endpoint.path}`,
      handler: (request, reply) => answer(runtime, endpoint, request, reply),
    });
  }
}

async function answer(
  runtime: EmulatorRuntime,
  endpoint: Endpoint,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const started = runtime.clock.now();
  const requestId = runtime.ids.requestId(started);
  const call = {
    time: started,
    method: endpoint.method,
    path: endpoint.path,
    query: (request.query ?? {}) as Record<string, unknown>,
    appId: undefined as string | undefined,
    advertiserId: undefined as string | undefined,
  };
  const record = (httpStatus: number, code: number | undefined, fault?: FaultRule) =>
    runtime.calls.record({
      ...call,
      httpStatus,
      code,
      requestId: code === undefined ? undefined : requestId,
      fault: fault?.kind,
      durationMilliseconds: Math.max(0, runtime.clock.now() - started),
    });

  const fired = runtime.faults.decide(endpoint.path, endpoint.method, () =>
    requestText(request, endpoint.method),
  );
  const latency = fired.reduce(
    (total, rule) => total + (rule.kind === 'latency' ? (rule.latencyMilliseconds ?? 1000) : 0),
    0,
  );
  if (latency > 0) await delay(latency);
  const fault = fired.find((rule) => rule.kind !== 'latency');
  if (fault?.kind === 'drop_connection') {
    record(0, undefined, fault);
    reply.hijack();
    request.raw.socket?.destroy();
    return;
  }
  if (fault && fault.kind.startsWith('http_')) {
    const status = Number(fault.kind.slice(5));
    record(status, undefined, fault);
    return reply.code(status).type('text/html').send(gatewayPages[status]);
  }

  let envelope: Envelope;
  try {
    if (fault?.kind === 'system_error') throw new ApiError(50000, 'System error.');
    if (fault?.kind === 'rate_limit') throw new ApiError(40100, 'App reaches the QPS limit.');
    // Answered before the call runs, so nothing it would have created or changed exists.
    if (fault?.kind === 'api_error')
      throw new ApiError(fault.code ?? 40002, fault.message ?? defaultApiErrorMessage);
    envelope = successEnvelope(requestId, await run(runtime, endpoint, request, call));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    envelope = failureEnvelope(requestId, error.code, error.message, error.data);
  }
  if (fault?.kind === 'answer_lost') {
    // The call ran (what it created exists); its answer never reaches the caller.
    record(0, envelope.code, fault);
    reply.hijack();
    request.raw.socket?.destroy();
    return;
  }
  record(200, envelope.code, fault);
  // Reference §0: TikTok reports trace ids in X-Tt-Logid; §8: no rate-limit headers, ever.
  return reply.header('x-tt-logid', requestId).send(envelope);
}

async function run(
  runtime: EmulatorRuntime,
  endpoint: Endpoint,
  request: FastifyRequest,
  call: { appId: string | undefined; advertiserId: string | undefined },
): Promise<unknown> {
  const now = runtime.clock.now();
  const token = endpoint.authentication === 'token' ? resolveToken(runtime, request, now) : undefined;
  const { fields: rawInput, discard } = await readRawInput(runtime, endpoint, request);
  try {
    call.appId = token?.appId ?? appIdOf(rawInput);
    if (call.appId !== undefined && runtime.store.apps.has(call.appId))
      checkRateLimits(runtime, endpoint, call.appId, now);
    const input = parseInput(endpoint.input, rawInput) as Record<string, unknown>;
    const advertiserIds =
      endpoint.advertiserIds?.(input) ??
      (typeof input.advertiser_id === 'string' ? [input.advertiser_id] : []);
    call.advertiserId = advertiserIds[0];
    if (token) authorizeAdvertisers(runtime, endpoint, token, input, advertiserIds, now);
    try {
      return await endpoint.handle({ input, token, runtime, now, request });
    } finally {
      // Reference §0: reads are GETs; any POST may have written, even one that failed half-way.
      if (endpoint.method === 'POST') markChanged(runtime.store);
    }
  } finally {
    // Uploaded files the library did not keep are removed, whatever the answer was.
    await discard();
  }
}

/** The request's parameters, and what removes the files an upload left in `uploads/`. */
interface RawInput {
  fields: unknown;
  discard(): Promise<void>;
}

const nothingToDiscard = async () => {};

async function readRawInput(
  runtime: EmulatorRuntime,
  endpoint: Endpoint,
  request: FastifyRequest,
): Promise<RawInput> {
  if (endpoint.method === 'GET')
    return { fields: singleValuedQuery(request.query), discard: nothingToDiscard };
  if (endpoint.multipart && request.isMultipart()) {
    return readMultipart(
      request,
      Math.max(runtime.settings.maximumImageBytes, runtime.settings.maximumVideoBytes),
      runtime.files,
    );
  }
  // Reference §0: POST bodies are `application/json` (correction 7: uploads other than
  // UPLOAD_BY_FILE too); a form-encoded or plain-text body carries no parameters TikTok reads.
  return { fields: isJson(request) ? request.body : {}, discard: nothingToDiscard };
}

/**
 * Reference §0: a list travels as one JSON-encoded value (`advertiser_ids=["1","2"]`). A repeated
 * key is not a list to TikTok, so its values are joined back into one string that fails to parse
 * as JSON: list fields answer "Not a valid list." instead of quietly accepting the repetition.
 */
const singleValuedQuery = (query: unknown): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries((query ?? {}) as Record<string, unknown>).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map(String).join(',') : value,
    ]),
  );

const isJson = (request: FastifyRequest): boolean =>
  /^application\/(?:[\w.+-]+\+)?json\b/i.test(String(request.headers['content-type'] ?? ''));

const appIdOf = (input: unknown): string | undefined => {
  const appId = (input as { app_id?: unknown } | undefined)?.app_id;
  return typeof appId === 'string' || typeof appId === 'number' ? String(appId) : undefined;
};
