import { csrfHeaderName, errorResponseSchema, type ErrorCode } from '@whathead/contracts';
import { ApiError } from './api-error';

/** Anything that can turn an unknown JSON value into a typed one, such as a contract's zod schema. */
export interface ResponseSchema<Output> {
  parse(input: unknown): Output;
}

/**
 * Supplies the CSRF token to echo on state-changing requests. `refresh` asks for a token fetched
 * anew from the server, used once when the server rejected the one we sent.
 */
export type CsrfTokenSource = (options: { refresh: boolean }) => Promise<string>;

export interface ApiClientOptions {
  csrfToken: CsrfTokenSource;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ApiClient {
  get<Output>(path: string, schema: ResponseSchema<Output>, options?: RequestOptions): Promise<Output>;
  post<Output>(path: string, body: unknown, schema: ResponseSchema<Output>): Promise<Output>;
  /** For endpoints that answer 204 No Content. */
  post(path: string, body?: unknown): Promise<void>;
  put<Output>(path: string, body: unknown, schema: ResponseSchema<Output>): Promise<Output>;
  patch<Output>(path: string, body: unknown, schema: ResponseSchema<Output>): Promise<Output>;
  delete(path: string): Promise<void>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface SendOptions extends RequestOptions {
  method: Method;
  path: string;
  body?: unknown;
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_attempts',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/** The one way the web app talks to the Whathead API: JSON in, JSON out, every failure an ApiError. */
export function createApiClient({
  csrfToken,
  baseUrl = '/api',
  fetch = (...parameters) => globalThis.fetch(...parameters),
}: ApiClientOptions): ApiClient {
  /** Resolves with a successful response; rejects with an ApiError for every kind of failure. */
  async function send(options: SendOptions, isCsrfRetry = false): Promise<Response> {
    const { method, path, body, signal } = options;
    const headers: Record<string, string> = { Accept: 'application/json' };
    const changesState = method !== 'GET';
    if (changesState) {
      headers['Content-Type'] = 'application/json';
      headers[csrfHeaderName] = await csrfToken({ refresh: isCsrfRetry });
    }

    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: changesState ? JSON.stringify(body ?? {}) : undefined,
        credentials: 'same-origin',
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new ApiError({
        code: 'unavailable',
        message: `Could not reach the server for ${method} ${path}.`,
        status: 0,
        cause,
      });
    }
    if (response.ok) return response;

    const error = await readError(response);
    // A stale token (the session rotated, e.g. in another tab) deserves one retry with a fresh one.
    if (error.code === 'csrf_rejected' && !isCsrfRetry) return send(options, true);
    throw error;
  }

  function post<Output>(path: string, body: unknown, schema: ResponseSchema<Output>): Promise<Output>;
  function post(path: string, body?: unknown): Promise<void>;
  async function post<Output>(path: string, body?: unknown, schema?: ResponseSchema<Output>) {
    const response = await send({ method: 'POST', path, body });
    return schema ? parseBody(response, schema) : undefined;
  }

  return {
    get: async (path, schema, options) =>
      parseBody(await send({ method: 'GET', path, signal: options?.signal }), schema),
    post,
    put: async (path, body, schema) => parseBody(await send({ method: 'PUT', path, body }), schema),
    patch: async (path, body, schema) => parseBody(await send({ method: 'PATCH', path, body }), schema),
    delete: async (path) => {
      await send({ method: 'DELETE', path });
    },
  };
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const envelope = errorResponseSchema.safeParse(parseJson(text));
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    return new ApiError({ code, message, details, status: response.status });
  }
  // Not our envelope: a proxy, a gateway or a crash answered. Classify by status alone.
  const fallback = statusCodes[response.status] ?? 'internal';
  return new ApiError({
    code: fallback,
    message: `The server answered ${response.status} without an error body.`,
    status: response.status,
  });
}

async function parseBody<Output>(response: Response, schema: ResponseSchema<Output>): Promise<Output> {
  const text = await response.text();
  try {
    return schema.parse(parseJson(text));
  } catch (cause) {
    // The contract and the server disagree: a bug, not something the user can fix.
    throw new ApiError({
      code: 'internal',
      message: `The server's answer to ${response.url || 'a request'} did not match the contract.`,
      status: response.status,
      cause,
    });
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
