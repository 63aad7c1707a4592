import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { createEmulator, emulatorApp } from '@whathead/tiktok-emulator';
import type { TikTokSettings } from '../lib/tiktok-settings.js';
import { keyIdOf } from '../lib/token-cipher.js';
import { createTestApp, TestBrowser, type TestApp } from '../testing/test-app.js';
import {
  connectionsPath,
  deliverCallback,
  emulatorSettings,
  listConnections,
  signUpWorkspace,
  startConnect,
} from '../testing/tiktok-flow.js';
import { tiktokTokenRotationJob } from './tiktok-token-rotation.job.js';

const keyA = Buffer.alloc(32, 7).toString('base64');
const keyB = Buffer.alloc(32, 9).toString('base64');
const idOf = (key: string) => keyIdOf(Buffer.from(key, 'base64'));

/** The same browser (cookies, CSRF token) talking to another app process. */
function sameBrowserOn(test: TestApp, cookies: ReadonlyMap<string, string>, csrfToken: string): TestBrowser {
  const browser = new TestBrowser(test.app);
  for (const [name, value] of cookies) browser.cookies.set(name, value);
  browser.csrfToken = csrfToken;
  return browser;
}

describe('TikTok token key rotation', () => {
  const emulator = createEmulator({ publicUrl: 'http://localhost:3000' });
  let closeEmulator: () => Promise<void>;
  let tiktok: TikTokSettings;
  let database: TestDatabase;
  const apps: TestApp[] = [];
  before(async () => {
    const listening = await emulator.listen({ port: 0 });
    closeEmulator = listening.close;
    tiktok = emulatorSettings(listening.url, emulatorApp);
    database = await createTestDatabase({ migrated: false });
  });
  after(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await database?.close();
    await closeEmulator?.();
  });

  const keyIds = async () =>
    (
      await database.db
        .selectFrom('tiktok_connections')
        .select('token_key_id')
        .where('token_key_id', 'is not', null)
        .execute()
    ).map((row) => row.token_key_id);

  it('re-encrypts every token with the new key at start-up, while the app keeps serving', async () => {
    const withA = await createTestApp({ TOKEN_ENCRYPTION_KEY: keyA }, { database, tiktok });
    apps.push(withA);
    const workspaces = [];
    for (const [index, bcId] of ['7100000000000000001', '7100000000000000002'].entries()) {
      const { browser, workspaceId } = await signUpWorkspace(withA, `rotate-${index}@example.com`);
      const { state } = await startConnect(browser, workspaceId);
      const code = emulator.control.issueAuthorizationCode({ email: 'alex.admin@example.com', bcId });
      await deliverCallback(browser, state, code);
      workspaces.push({ browser, workspaceId });
    }
    assert.deepEqual(await keyIds(), [idOf(keyA), idOf(keyA)]);
    const cookies = workspaces.map(({ browser }) => new Map(browser.cookies));
    await withA.close();

    // Restart with B current and A previous: start-up queues the rotation; the worker runs it.
    const withB = await createTestApp(
      { TOKEN_ENCRYPTION_KEY: keyB, TOKEN_ENCRYPTION_PREVIOUS_KEYS: keyA },
      { database, tiktok },
    );
    apps.push(withB);
    const { browser, workspaceId } = workspaces[0]!;
    const reader = sameBrowserOn(withB, cookies[0]!, browser.csrfToken);
    const connectionId = (await listConnections(reader, workspaceId)).connections[0]!.id;
    // Meanwhile: reads and TikTok calls with the stored token keep working, whichever key holds it.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await keyIds()).some((id) => id !== idOf(keyB))) {
      const checked = await reader.post<{ connections: { status: string }[] }>(
        `${connectionsPath(workspaceId)}/${connectionId}/check`,
      );
      assert.equal(checked.status, 200);
      assert.equal(checked.body.connections[0]!.status, 'connected');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await keyIds(), [idOf(keyB), idOf(keyB)]);
    // pg-boss records the job as completed just after its last token is rewritten.
    assert.deepEqual(await completedRotationOutput(database), { rotated: 2, skipped: 0, unreadable: 0 });

    // A second run finds nothing to do.
    assert.deepEqual(await tiktokTokenRotationJob(withB.whathead.services).run({}), {
      rotated: 0,
      skipped: 0,
      unreadable: 0,
    });
    await withB.close();

    // Key A can now be dropped: B alone opens every token.
    const onlyB = await createTestApp({ TOKEN_ENCRYPTION_KEY: keyB }, { database, tiktok });
    apps.push(onlyB);
    const last = sameBrowserOn(onlyB, cookies[0]!, browser.csrfToken);
    const checked = await last.post<{ connections: { status: string }[] }>(
      `${connectionsPath(workspaceId)}/${connectionId}/check`,
    );
    assert.equal(checked.status, 200);
    assert.equal(checked.body.connections[0]!.status, 'connected');
  });
});

async function completedRotationOutput(database: TestDatabase): Promise<unknown> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const jobs = await database.executeSql(
      "select output from pgboss.job where name = 'tiktok-token-rotation' and state = 'completed'",
    );
    if (jobs.rows[0]) return (jobs.rows[0] as { output: unknown }).output;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the rotation job did not complete within a minute');
}
