import { sessionResponseSchema } from '@whathead/contracts';
import { describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse } from '../testing/mock-api';
import { anonymousSession } from '../testing/fixtures';
import { createApiClient, type CsrfTokenSource } from './api-client';
import { ApiError } from './api-error';

function clientWith(responses: Array<Response | Error>, csrfToken: CsrfTokenSource = async () => 'token-1') {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error('No more responses queued.');
    if (next instanceof Error) throw next;
    return next;
  });
  return { client: createApiClient({ csrfToken, fetch }), fetch };
}

function sentHeaders(fetch: ReturnType<typeof clientWith>['fetch'], call = 0): Headers {
  return new Headers(fetch.mock.calls[call]?.[1]?.headers);
}

describe('createApiClient', () => {
  it('sends the CSRF token, a JSON content type and an empty JSON object on a POST without a body', async () => {
    const { client, fetch } = clientWith([new Response(null, { status: 204 })]);

    await client.post('/auth/logout');

    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/logout');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{}');
    expect(sentHeaders(fetch).get('x-csrf-token')).toBe('token-1');
    expect(sentHeaders(fetch).get('content-type')).toBe('application/json');
  });

  it('sends no CSRF token on a GET and parses the answer with the given schema', async () => {
    const { client, fetch } = clientWith([jsonResponse(anonymousSession)]);

    const session = await client.get('/session', sessionResponseSchema);

    expect(session).toEqual(anonymousSession);
    expect(sentHeaders(fetch).has('x-csrf-token')).toBe(false);
  });

  it('turns the error envelope into an ApiError with its code, status and field issues', async () => {
    const issues = [{ path: 'email', message: 'Enter a valid email address.' }];
    const { client } = clientWith([errorResponse(400, 'validation_failed', { issues })]);

    const failure = await client
      .post('/auth/login', { email: 'x' }, sessionResponseSchema)
      .catch((error) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'validation_failed', status: 400, issues });
  });

  it('keeps retryAfterSeconds from a rate-limit answer', async () => {
    const { client } = clientWith([errorResponse(429, 'too_many_attempts', { retryAfterSeconds: 90 })]);

    const failure = await client.post('/auth/login', {}, sessionResponseSchema).catch((error) => error);

    expect(failure).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSeconds: 90 } });
  });

  it('retries once with a refreshed token when the server rejects the CSRF token', async () => {
    const csrfToken = vi.fn<CsrfTokenSource>(async ({ refresh }) =>
      refresh ? 'fresh-token' : 'stale-token',
    );
    const { client, fetch } = clientWith(
      [errorResponse(403, 'csrf_rejected'), new Response(null, { status: 204 })],
      csrfToken,
    );

    await client.delete('/workspaces/1/invitations/2');

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sentHeaders(fetch, 0).get('x-csrf-token')).toBe('stale-token');
    expect(sentHeaders(fetch, 1).get('x-csrf-token')).toBe('fresh-token');
  });

  it('gives up after one CSRF retry', async () => {
    const { client, fetch } = clientWith([
      errorResponse(403, 'csrf_rejected'),
      errorResponse(403, 'csrf_rejected'),
    ]);

    await expect(client.post('/workspaces', { name: 'Acme' })).rejects.toMatchObject({
      code: 'csrf_rejected',
    });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('classifies an answer without the envelope by its status', async () => {
    const { client } = clientWith([new Response('<html>Bad gateway</html>', { status: 502 })]);

    await expect(client.get('/session', sessionResponseSchema)).rejects.toMatchObject({
      code: 'unavailable',
      status: 502,
    });
  });

  it('reports a network failure as unavailable with status 0', async () => {
    const { client } = clientWith([new TypeError('Failed to fetch')]);

    const failure = await client.get('/session', sessionResponseSchema).catch((error) => error);

    expect(failure).toMatchObject({ code: 'unavailable', status: 0, isRetryable: true });
  });

  it('reports an answer that breaks the contract as an internal error', async () => {
    const { client } = clientWith([jsonResponse({ user: 'nobody' })]);

    await expect(client.get('/session', sessionResponseSchema)).rejects.toMatchObject({ code: 'internal' });
  });
});
