import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorResponseSchema } from '@whathead/contracts';
import fc from 'fast-check';
import { createTestApp, TestBrowser, type TestApp } from './testing/test-app.js';

/** Every API route, with a valid-looking workspace id filled in where the path needs one. */
const routes = [
  ['GET', '/api/session'],
  ['POST', '/api/session/workspace'],
  ['POST', '/api/auth/signup'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/logout'],
  ['POST', '/api/workspaces'],
  ['GET', '/api/workspaces/{workspace}/members'],
  ['POST', '/api/workspaces/{workspace}/invitations'],
  ['DELETE', '/api/workspaces/{workspace}/invitations/{id}'],
  ['GET', '/api/invitations/{token}'],
  ['POST', '/api/invitations/{token}/accept'],
] as const;

const jsonValue = fc.jsonValue({ maxDepth: 3 });
/** Bodies a careless or hostile client sends: any JSON, objects with our field names and junk values, non-JSON text. */
const body = fc.oneof(
  jsonValue.map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        name: jsonValue,
        email: fc.oneof(fc.emailAddress(), fc.string(), jsonValue),
        password: fc.oneof(fc.string({ maxLength: 300 }), jsonValue),
        workspaceName: fc.oneof(fc.string({ maxLength: 120 }), jsonValue),
        workspaceId: fc.oneof(fc.uuid(), fc.string()),
        role: fc.oneof(fc.constantFrom('owner', 'admin', 'member'), fc.string()),
        invitationToken: fc.string({ maxLength: 300 }),
        __proto__: jsonValue,
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constant('{"constructor":{"prototype":{"polluted":true}}}'),
);
const pathValue = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.constantFrom('%', '..', '%2e%2e', 'x'.repeat(500), '%00'),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  undefined,
);

describe('every API route under arbitrary input', () => {
  let test: TestApp;
  let browser: TestBrowser;
  before(async () => {
    test = await createTestApp();
    browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'fuzz@example.com' });
  });
  after(async () => test?.close());

  it('answers 2xx or a 4xx in the error shape: never a 5xx, never a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        pathValue,
        body,
        contentType,
        fc.boolean(),
        async ([method, template], segment, payload, type, wantsSession) => {
          const url = template.replace(/\{\w+\}/g, segment);
          // Log-out and log-in end the session the logged-in runs share; they are fuzzed anonymously.
          const loggedIn = wantsSession && !template.startsWith('/api/auth/');
          const response = await test.app.inject({
            method,
            url,
            headers: {
              ...(type ? { 'content-type': type } : {}),
              ...(loggedIn
                ? { cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
                : {}),
              'x-csrf-token': browser.csrfToken,
            },
            ...(method === 'GET' ? {} : { payload }),
          });
          assert.ok(
            response.statusCode < 500,
            `${method} ${url} answered ${response.statusCode}: ${response.body}`,
          );
          assert.doesNotMatch(response.body, /\bat .+\.(ts|js):\d+/, 'no stack trace');
          if (response.statusCode >= 400) {
            const parsed = errorResponseSchema.safeParse(JSON.parse(response.body));
            assert.ok(parsed.success, `${method} ${url} error shape: ${response.body}`);
          }
        },
      ),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
    const session = await browser.get<{ user: unknown }>('/api/session');
    assert.notEqual(session.body.user, null, 'the logged-in runs really ran logged in, to the end');
  });
});
