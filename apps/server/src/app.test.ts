import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse } from '@whathead/contracts';
import { createTestApp, type TestApp } from './testing/test-app.js';

describe('the HTTP app', () => {
  let test: TestApp;
  let webRoot: string;
  before(async () => {
    webRoot = mkdtempSync(path.join(tmpdir(), 'whathead-web-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><title>Whathead</title><div id="root"></div>',
    );
    writeFileSync(path.join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');
    test = await createTestApp({ WEB_ROOT: webRoot });
  });
  after(async () => {
    await test?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('reports liveness and readiness', async () => {
    assert.deepEqual((await test.app.inject('/healthz')).json(), { status: 'ok' });
    assert.deepEqual((await test.app.inject('/readyz')).json(), { status: 'ready' });
  });

  it('puts a request id on every response, keeping a well-formed one the caller sent', async () => {
    const generated = await test.app.inject('/healthz');
    assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    const kept = await test.app.inject({ url: '/api/nope', headers: { 'x-request-id': 'trace-abc-123' } });
    assert.equal(kept.headers['x-request-id'], 'trace-abc-123');
    const replaced = await test.app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\n<script>' },
    });
    assert.notEqual(replaced.headers['x-request-id'], 'bad id\n<script>');
  });

  it('sends security headers', async () => {
    const response = await test.app.inject({ url: '/campaigns', headers: { accept: 'text/html' } });
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
  });

  it('serves the web app for page routes and cacheable assets, but never for API paths', async () => {
    const page = await test.app.inject({ url: '/settings', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<div id="root">/);
    assert.equal(page.headers['cache-control'], 'no-cache');
    const asset = await test.app.inject('/assets/app-1234.js');
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    const api = await test.app.inject({ url: '/api/unknown', headers: { accept: 'text/html' } });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json<ErrorResponse>().error.code, 'not_found');
  });

  it('answers unreadable bodies in the error shape', async () => {
    const malformed = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json<ErrorResponse>().error.code, 'validation_failed');
    const huge = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(100_000) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json<ErrorResponse>().error.code, 'payload_too_large');
    const wrongType = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<login/>',
    });
    assert.equal(wrongType.statusCode, 415);
    assert.equal(wrongType.json<ErrorResponse>().error.code, 'unsupported_media_type');
  });

  it('answers a path segment longer than any id or token with 404, and never blames a body for the URL', async () => {
    for (const url of [
      `/api/auth/password-resets/${'x'.repeat(201)}`,
      `/api/invitations/${'x'.repeat(500)}`,
      `/api/workspaces/${'x'.repeat(300)}/members`,
    ]) {
      const response = await test.app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json<ErrorResponse>().error.code, 'not_found');
    }
    const badEncoding = await test.app.inject('/api/%');
    assert.equal(badEncoding.statusCode, 400);
    assert.doesNotMatch(badEncoding.json<ErrorResponse>().error.message, /body|JSON/);
    const malformed = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    assert.match(malformed.json<ErrorResponse>().error.message, /body/);
  });

  it('tells browsers and proxies to keep no API answer, failures and framework refusals included', async () => {
    const answers = [
      await test.app.inject('/api/session'),
      await test.app.inject('/api/unknown'),
      await test.app.inject('/api/%'),
      await test.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      }),
      await test.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'text/xml' },
      }),
    ];
    for (const answer of answers)
      assert.equal(answer.headers['cache-control'], 'no-store', `${answer.statusCode} ${answer.body}`);
    const asset = await test.app.inject('/assets/app-1234.js');
    assert.match(String(asset.headers['cache-control']), /immutable/, 'hashed assets stay cacheable');
  });
});
