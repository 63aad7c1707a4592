import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect as connectSocket, createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  reportBreakdownQuerySchema,
  type ErrorResponse,
  type ReportBreakdownResponse,
  type ReportStatusResponse,
  type SessionResponse,
} from '@whathead/contracts';
import { ReportExportRepository } from '../../repositories/report-export.repository.js';
import { reportExportLimits } from '../../services/report-export.service.js';
import { createTestApp, TestBrowser, type TestApp } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

// The CSV export's limits: a few exports at once, counted in the database so that every app
// process counts the same ones; each export's claim freed however it ends; its rows summed once
// and read page by page, the same rows in the same order whatever the page size.

const northwindUs = '7200000000000000011';
const range = 'from=2026-11-18&to=2026-11-24';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const cookieOf = (browser: TestBrowser) =>
  [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

/** The same browser on another app process: sessions live in the database, so it is logged in there too. */
function onProcess(test: TestApp, browser: TestBrowser): TestBrowser {
  const copy = new TestBrowser(test.app);
  for (const [name, value] of browser.cookies) copy.cookies.set(name, value);
  copy.csrfToken = browser.csrfToken;
  return copy;
}

describe('Reports CSV exports at once', () => {
  let kit: TikTokTestKit;
  let port: number;
  let owner: { browser: TestBrowser; workspaceId: string; userId: string };
  let other: { browser: TestBrowser; workspaceId: string; userId: string };
  const csvPath = (workspaceId: string, query = range) =>
    `/api/workspaces/${workspaceId}/reports/breakdown.csv?${query}`;
  const count = async (table: 'report_exports' | 'report_export_rows') =>
    (
      (await kit.test.database.executeSql(`select count(*)::int as count from ${table}`)).rows[0] as {
        count: number;
      }
    ).count;
  const waitFor = async (what: string, condition: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`${what} did not happen`);
  };
  /** An export started on the first process and left unread, as a download in flight is. */
  const hold = (who: { workspaceId: string; userId: string }) =>
    kit.test.whathead.services.reports.breakdownCsv(
      { userId: who.userId },
      who.workspaceId,
      reportBreakdownQuerySchema.parse({ from: '2026-11-18', to: '2026-11-24' }),
    );
  const userOf = async (browser: TestBrowser) =>
    (await browser.get<SessionResponse>('/api/session')).body.user!.id;

  before(async () => {
    port = await freePort();
    const started = Date.parse('2026-11-25T12:00:00Z');
    const began = performance.now();
    kit = await startTikTokTestKit({
      emulator: { clock: { now: () => started + Math.round(performance.now() - began) } },
      environment: { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: 'http://localhost:3000' },
      listen: true,
    });
    const signedUp = await signUpWorkspace(kit.test, 'exports-owner@example.com');
    owner = { ...signedUp, userId: await userOf(signedUp.browser) };
    const connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    const saved = await owner.browser.put(`${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
    // A workspace without accounts exports a file of no rows: an export all the same.
    const otherSignedUp = await signUpWorkspace(kit.test, 'exports-other@example.com');
    other = { ...otherSignedUp, userId: await userOf(otherSignedUp.browser) };
    for (let attempt = 0; ; attempt += 1) {
      const status = await owner.browser.get<ReportStatusResponse>(
        `/api/workspaces/${owner.workspaceId}/reports/status`,
      );
      if (status.body.accounts.every((account) => account.state === 'ready')) break;
      assert.ok(attempt < 1200, `the report sync settles: ${status.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  after(async () => kit?.close());

  it('exports the same rows in the same order whatever the page size, and frees the export', async () => {
    const level = `${range}&level=ad`;
    const whole = await owner.browser.get(csvPath(owner.workspaceId, level));
    assert.equal(whole.status, 200, whole.text);
    const { reportExports } = kit.test.whathead.services;
    reportExports.useLimits({ pageRows: 3 });
    try {
      const paged = await owner.browser.get(csvPath(owner.workspaceId, level));
      assert.equal(paged.text, whole.text);
    } finally {
      reportExports.useLimits({ pageRows: reportExportLimits.pageRows });
    }
    const table = await owner.browser.get<ReportBreakdownResponse>(
      `/api/workspaces/${owner.workspaceId}/reports/breakdown?${level}`,
    );
    const lines = whole.text.trim().split('\r\n');
    const header = lines.findIndex((line) => line.startsWith('Ad account ID,'));
    const idColumn = lines[header]!.split(',').indexOf('Ad ID');
    const ids = lines.slice(header + 1).map((line) => line.split(',')[idColumn]);
    assert.ok(ids.length > 6, `rows over several pages of 3: ${ids.length}`);
    assert.deepEqual(
      ids,
      table.body.rows.map((row) => `"${row.id}"`),
      'in the table’s order',
    );
    assert.equal(await count('report_exports'), 0, 'a finished export is released');
    assert.equal(await count('report_export_rows'), 0, 'with its rows');
  });

  it('caps exports at once across processes, answering 429 with when to try again', async () => {
    const second = await createTestApp({}, { database: kit.test.database });
    const held: Awaited<ReturnType<typeof hold>>[] = [];
    const limits = [kit.test.whathead.services.reportExports, second.whathead.services.reportExports];
    try {
      const ownerThere = onProcess(second, owner.browser);
      const otherThere = onProcess(second, other.browser);
      held.push(await hold(owner), await hold(owner));

      const refused = await ownerThere.get<ErrorResponse>(csvPath(owner.workspaceId));
      assert.equal(refused.status, 429, refused.text);
      assert.equal(refused.headers['retry-after'], '10');
      assert.equal(refused.body.error.code, 'too_many_attempts');
      assert.equal(
        refused.body.error.message,
        '2 exports are already running for you; try again in a moment.',
      );
      assert.equal(await count('report_exports'), 2, 'a refusal claims nothing');
      const outsider = await otherThere.get(csvPath(owner.workspaceId));
      assert.equal(outsider.status, 404, 'another workspace’s export is not found, never counted');
      assert.equal(await count('report_exports'), 2);
      assert.equal((await otherThere.get(csvPath(other.workspaceId))).status, 200, 'other people export');

      for (const service of limits) service.useLimits({ perUser: 5, perWorkspace: 2, perApp: 3 });
      const workspaceFull = await ownerThere.get<ErrorResponse>(csvPath(owner.workspaceId));
      assert.equal(workspaceFull.status, 429);
      assert.equal(
        workspaceFull.body.error.message,
        '2 exports are already running in this workspace; try again in a moment.',
      );
      held.push(await hold(other));
      const appFull = await otherThere.get<ErrorResponse>(csvPath(other.workspaceId));
      assert.equal(appFull.status, 429);
      assert.equal(
        appFull.body.error.message,
        '3 exports are already running on this Whathead; try again in a moment.',
      );

      await held.shift()!.close();
      assert.equal(
        (await ownerThere.get(csvPath(owner.workspaceId))).status,
        200,
        'a closed export frees its slot',
      );
    } finally {
      for (const service of limits) service.useLimits(reportExportLimits);
      for (const download of held) await download.close();
      await second.close();
    }
    assert.equal(await count('report_exports'), 0);
  });

  it('stops counting the exports of a process that died, and sweeps them with their rows', async () => {
    // The first process's exports beat every half minute; the second process's clock moves on
    // past their silence, as a process reading no heartbeat for minutes would see it.
    const second = await createTestApp({}, { database: kit.test.database });
    const held = [await hold(owner), await hold(owner)];
    try {
      const ownerThere = onProcess(second, owner.browser);
      assert.equal((await ownerThere.get(csvPath(owner.workspaceId))).status, 429);
      assert.ok((await count('report_export_rows')) > 0);
      second.clock.advance(reportExportLimits.staleAfterMilliseconds / 1000 + 1);
      assert.equal(
        (await ownerThere.get(csvPath(owner.workspaceId))).status,
        200,
        'stale exports do not count',
      );
      const swept = await second.whathead.services.housekeeping.sweep();
      assert.equal(swept.reportExportsDeleted, 2);
      assert.equal(await count('report_exports'), 0);
      assert.equal(await count('report_export_rows'), 0);
    } finally {
      for (const download of held) await download.close();
      await second.close();
    }
  });

  /**
   * Runs `work` with exports of 2-row pages whose pages after the first wait until it ends: a
   * download is then surely unfinished whatever its client does meanwhile.
   */
  const withUnfinishedDownloads = async (work: () => Promise<void>) => {
    const { reportExports } = kit.test.whathead.services;
    const original = ReportExportRepository.prototype.page;
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    ReportExportRepository.prototype.page = async function (exportId, position, limit) {
      if (position > 0) await gate;
      return original.call(this, exportId, position, limit);
    };
    reportExports.useLimits({ pageRows: 2 });
    try {
      await work();
    } finally {
      openGate();
      ReportExportRepository.prototype.page = original;
      reportExports.useLimits({ pageRows: reportExportLimits.pageRows });
    }
  };

  it('frees the export of a client that goes away in the middle of a download', async () => {
    await withUnfinishedDownloads(async () => {
      await new Promise<void>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: csvPath(owner.workspaceId, `${range}&level=ad`),
            headers: { cookie: cookieOf(owner.browser) },
          },
          (response) => {
            assert.equal(response.statusCode, 200);
            response.once('data', () => {
              request.destroy(); // the client goes away
              resolve();
            });
          },
        );
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET') reject(error);
        });
        request.end();
      });
      await waitFor('the export’s release', async () => (await count('report_exports')) === 0);
      assert.equal(await count('report_export_rows'), 0);
    });
    assert.equal(
      (await owner.browser.get(csvPath(owner.workspaceId))).status,
      200,
      'the next download is served',
    );
  });

  it('frees the export of a download pipelined behind another when the client goes away', async () => {
    await withUnfinishedDownloads(async () => {
      // Two downloads on one connection, nothing read: the second waits behind the first, and
      // its response never hears that the socket closed.
      const socket = connectSocket({ host: '127.0.0.1', port });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.on('error', () => {});
      socket.pause();
      const get = (path: string) =>
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookieOf(owner.browser)}\r\n\r\n`;
      const path = csvPath(owner.workspaceId, `${range}&level=ad`);
      socket.write(get(path) + get(path));
      await waitFor('both exports’ claims', async () => (await count('report_exports')) === 2);
      socket.destroy();
      await waitFor('the release of both', async () => (await count('report_exports')) === 0);
    });
  });

  it('answers no HEAD of an export: it would sum a whole export for nothing', async () => {
    const head = await kit.test.app.inject({
      method: 'HEAD',
      url: csvPath(owner.workspaceId),
      headers: { cookie: cookieOf(owner.browser) },
    });
    assert.equal(head.statusCode, 404);
    assert.equal(await count('report_exports'), 0);
  });
});
