import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse } from '@whathead/contracts';
import { createTestApp, TestBrowser, type TestApp } from './testing/test-app.js';

// PostgreSQL cannot store NUL in text, and other control characters hide in a name on screen:
// every name we take is refused with 400 and the field to fix, never stored, never a 500.
const names = [
  'Acme\u0000Agency',
  'Acme\nAgency',
  'Acme\u0007',
  '\u001bAcme',
  'Acme\u0085',
  'Acme\u2028Agency',
  'Acme \u202eycnegA',
  'Acme \ud800',
];

describe('names with control characters', () => {
  let test: TestApp;
  let browser: TestBrowser;
  before(async () => {
    test = await createTestApp();
    browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'names@example.com' });
  });
  after(async () => test?.close());

  const refused = (response: { status: number; body: ErrorResponse }, field: string, label: string) => {
    assert.equal(response.status, 400, `${label}: ${JSON.stringify(response.body)}`);
    assert.equal(response.body.error.code, 'validation_failed');
    assert.deepEqual(
      response.body.error.details?.issues?.map((issue) => issue.path),
      [field],
      `${label}: names the field`,
    );
  };

  it('are refused at sign-up, in the person’s name and the workspace’s', async () => {
    for (const [index, name] of names.entries()) {
      const visitor = new TestBrowser(test.app);
      await visitor.get('/api/session');
      const valid = {
        name: 'Ada Lovelace',
        email: `control-${index}@example.com`,
        password: 'correct horse battery staple',
        workspaceName: 'Analytical Engines',
      };
      refused(await visitor.post<ErrorResponse>('/api/auth/signup', { ...valid, name }), 'name', name);
      refused(
        await visitor.post<ErrorResponse>('/api/auth/signup', { ...valid, workspaceName: name }),
        'workspaceName',
        name,
      );
    }
    const users = await test.database.db.selectFrom('users').select('email').execute();
    assert.deepEqual(
      users.map((user) => user.email),
      ['names@example.com'],
      'nobody was created',
    );
  });

  it('are refused when creating a workspace', async () => {
    for (const name of names)
      refused(await browser.post<ErrorResponse>('/api/workspaces', { name }), 'name', name);
  });

  it('are fine when they are ordinary Unicode', async () => {
    const created = await browser.post('/api/workspaces', { name: 'Équipe 广告 — Nord 🎯' });
    assert.equal(created.status, 201);
  });
});
