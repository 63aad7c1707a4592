import type { ErrorCode, ErrorResponse } from '@whathead/contracts';
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string's parameters; handlers are keyed by path alone. */
  query: URLSearchParams;
  headers: Headers;
  /** A JSON body parsed; a multipart body (a file upload) as the FormData sent. */
  body: unknown;
}

/** Answers one request; `request` is what the app sent. */
export type MockHandler = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function errorResponse(
  status: number,
  code: ErrorCode,
  details?: NonNullable<ErrorResponse['error']['details']>,
): Response {
  const body: ErrorResponse = { error: { code, message: `Server says ${code}.`, details } };
  return jsonResponse(body, status);
}

/**
 * Replaces the global fetch with handlers keyed by "METHOD /api/path", records every request,
 * and fails loudly on a request no handler expects.
 */
export function mockApi(handlers: Record<string, MockHandler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body =
      typeof init?.body === 'string'
        ? JSON.parse(init.body)
        : init?.body instanceof FormData
          ? init.body
          : undefined;
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body,
    };
    requests.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) throw new Error(`Unexpected request: ${method} ${url.pathname}`);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

/** A stand-in for TikTok's popup window, as `window.open` returns it. */
export interface FakePopup {
  closed: boolean;
  location: { href: string };
  focus: ReturnType<typeof vi.fn>;
  close: ReturnType<typeof vi.fn>;
}

/** Makes `window.open` hand out one fake popup; close it by setting `closed` (or calling close). */
export function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    location: { href: '' },
    focus: vi.fn(),
    close: vi.fn(() => {
      popup.closed = true;
    }),
  };
  vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
  return popup;
}
