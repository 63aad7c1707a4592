import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorResponseSchema, type ErrorResponse, type SessionResponse } from '@whathead/contracts';
import fc from 'fast-check';
import { createTestApp, TestBrowser, type TestApp } from './testing/test-app.js';

const jsonValue = fc.jsonValue({ maxDepth: 3 });
/** Text as people and attackers type it: printable, any Unicode, and control characters with NUL. */
const text = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ maxLength: 120, unit: 'binary' }),
  fc.string({ maxLength: 40, unit: fc.constantFrom('\u0000', '\u0007', '\n', '\t', 'a', 'é', '\u202e') }),
);
/** Bodies a careless or hostile client sends: any JSON, objects with our field names and junk values, non-JSON text. */
const body = fc.oneof(
  jsonValue.map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        name: fc.oneof(jsonValue, text),
        email: fc.oneof(fc.emailAddress(), text, jsonValue),
        password: fc.oneof(fc.string({ maxLength: 300 }), jsonValue),
        workspaceName: fc.oneof(text, jsonValue),
        workspaceId: fc.oneof(fc.uuid(), text),
        role: fc.oneof(fc.constantFrom('owner', 'admin', 'member'), text),
        invitationToken: text,
        token: text,
        selectedAdvertiserIds: fc.oneof(fc.array(fc.oneof(fc.stringMatching(/^\d{1,30}$/), text)), jsonValue),
        defaultAdvertiserId: fc.oneof(fc.stringMatching(/^\d{1,30}$/), text, jsonValue),
        reconnectConnectionId: fc.oneof(fc.uuid(), text),
        __proto__: jsonValue,
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constant('{"constructor":{"prototype":{"polluted":true}}}'),
  // Well-formed but for the text in it, so the text reaches the service and the database.
  fc
    .record({
      name: text,
      email: fc.emailAddress(),
      password: fc.string({ minLength: 12, maxLength: 40 }),
      workspaceName: text,
    })
    .map((value) => JSON.stringify(value)),
);
const pathValue = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.constantFrom('%', '..', '%2e%2e', 'x'.repeat(500), '%00', '%0A', '%E2%80%AE'),
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

  it('answers 2xx, 3xx or a 4xx in the error shape: never a 5xx, never a stack trace', async () => {
    // Every route the server registered, so a new one is fuzzed the day it is added.
    const routes = test.app.routeTable.map((route) => [route.method, route.url] as const);
    assert.ok(routes.length >= 15, 'the route table is there');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        pathValue,
        body,
        contentType,
        fc.boolean(),
        async ([method, template], segment, payload, type, wantsSession) => {
          const url = template.replace(/:\w+/g, segment);
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

  it('says a query parameter given twice is to be given once, in words', async () => {
    const workspace = await browser.post<SessionResponse>('/api/workspaces', { name: 'Twice' });
    const response = await browser.get<ErrorResponse>(
      `/api/workspaces/${workspace.body.activeWorkspaceId}/reports/breakdown?from=2026-11-01&from=2026-11-02&to=2026-11-10`,
    );
    assert.equal(response.status, 400);
    assert.deepEqual(response.body.error.details?.issues, [{ path: 'from', message: 'Give from once.' }]);
  });
});
