import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TestBrowser, type TestApp } from '../testing/test-app.js';
import { expiredRecordsCleanupJob } from './expired-records-cleanup.job.js';

describe('expired records cleanup job', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
  });
  after(async () => test?.close());

  it('is scheduled as a recurring pg-boss job', async () => {
    const rows = await test.database.executeSql('select name, cron from pgboss.schedule order by name');
    assert.deepEqual(rows.rows, [
      { name: 'draft-publish-recovery', cron: '* * * * *' },
      { name: 'expired-records-cleanup', cron: '*/15 * * * *' },
      { name: 'media-retention', cron: '41 3 * * *' },
      { name: 'media-upload-recovery', cron: '* * * * *' },
      { name: 'tiktok-campaign-sweep', cron: '*/15 * * * *' },
      { name: 'tiktok-connection-health', cron: '17 */4 * * *' },
      { name: 'tiktok-media-sweep', cron: '17 * * * *' },
      { name: 'tiktok-report-maintenance', cron: '17 3 * * *' },
      { name: 'tiktok-report-sweep', cron: '7 * * * *' },
      { name: 'tiktok-token-rotation', cron: '43 3 * * *' },
    ]);
  });

  it('runs through pg-boss and deletes only expired sessions, safely twice', async () => {
    const stale = new TestBrowser(test.app);
    await stale.signUp({ email: 'stale@example.com' });
    test.clock.advance(15 * 24 * 60 * 60);
    const fresh = new TestBrowser(test.app);
    await fresh.signUp({ email: 'fresh@example.com' });

    const countSessions = async () =>
      Number(
        (await test.database.executeSql('select count(*)::int as count from sessions')).rows.map(
          (row) => (row as { count: number }).count,
        )[0],
      );
    assert.equal(await countSessions(), 2);

    const job = expiredRecordsCleanupJob(test.whathead.services);
    const jobId = await test.whathead.jobs.send(job, {});
    assert.ok(jobId);
    const finished = await waitForJob(test, jobId);
    assert.equal(finished.state, 'completed');
    assert.deepEqual(finished.output, {
      sessionsDeleted: 1,
      throttlesDeleted: 0,
      invitationsDeleted: 0,
      passwordResetsDeleted: 0,
      tiktokStatesDeleted: 0,
      tiktokRateRecordsDeleted: 0,
      tiktokGrants: 0,
      reportExportsDeleted: 0,
    });
    assert.equal(await countSessions(), 1);
    assert.equal(
      (await fresh.get<{ user: unknown }>('/api/session')).body.user !== null,
      true,
      'the live session survives',
    );

    const again = await waitForJob(test, (await test.whathead.jobs.send(job, {}))!);
    assert.deepEqual(again.output, {
      sessionsDeleted: 0,
      throttlesDeleted: 0,
      invitationsDeleted: 0,
      passwordResetsDeleted: 0,
      tiktokStatesDeleted: 0,
      tiktokRateRecordsDeleted: 0,
      tiktokGrants: 0,
      reportExportsDeleted: 0,
    });
  });
});

/** Polls the job's row until pg-boss has finished it; a minute is far beyond any busy machine. */
async function waitForJob(test: TestApp, id: string): Promise<{ state: string; output: unknown }> {
  const deadline = Date.now() + 60_000;
  let row: { state: string; output: unknown } | undefined;
  while (Date.now() < deadline) {
    const rows = await test.database.executeSql('select state, output from pgboss.job where id = $1', [id]);
    row = rows.rows[0] as typeof row;
    if (row && (row.state === 'completed' || row.state === 'failed')) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish within a minute (state: ${row?.state ?? 'not found'})`);
}
