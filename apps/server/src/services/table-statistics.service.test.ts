import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { withCallPriority } from '@whathead/tiktok-client';
import { connectionsPath, signUpWorkspace } from '../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../testing/tiktok-test-kit.js';

const northwindUs = '7200000000000000011';

// PGlite never analyses a table by itself: without this, every plan over the reports and the
// mirror was made from guesses, and one took 45 minutes of the server's only thread.
describe('the planner’s statistics after a sync', () => {
  let kit: TikTokTestKit;
  let workspaceId: string;
  before(async () => {
    kit = await startTikTokTestKit();
    const owner = await signUpWorkspace(kit.test, 'statistics-owner@example.com');
    workspaceId = owner.workspaceId;
    const connectionId = await connect(kit, owner.browser, workspaceId, scenario.northwind);
    const saved = await owner.browser.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
  });
  after(async () => kit?.close());

  /** Waits until the account's first report sync and mirror import, queued by choosing it, are done. */
  const firstSyncsDone = async () => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const { rows } = await sql<{ reports: string | null; mirror: string | null }>`
        select (select state from tiktok_report_accounts
                where workspace_id = ${workspaceId}::uuid and advertiser_id = ${northwindUs}) as reports,
          (select state from tiktok_mirror_accounts
           where workspace_id = ${workspaceId}::uuid and advertiser_id = ${northwindUs}) as mirror`.execute(
        kit.test.database.db,
      );
      if (rows[0]?.reports === 'ready' && rows[0].mirror === 'ready') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the first sync did not finish');
  };

  /** The planner's row counts of the tables (a partitioned one's non-empty partitions). */
  const plannedRows = async (parent: string) =>
    (
      await sql<{ name: string; reltuples: number }>`
        select child.relname as name, child.reltuples from pg_inherits
        join pg_class child on child.oid = pg_inherits.inhrelid
        where pg_inherits.inhparent = to_regclass(${parent}) and pg_relation_size(child.oid) > 0
        union all
        select relname, reltuples from pg_class
        where oid = to_regclass(${parent}) and relkind = 'r'`.execute(kit.test.database.db)
    ).rows;

  /** The planner's row counts once every non-empty partition of `parent` has some (its own job). */
  const analysedRows = async (parent: string) => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const tables = await plannedRows(parent);
      if (tables.length > 0 && tables.every((each) => each.reltuples > 0)) return tables;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return plannedRows(parent);
  };

  it('analyses what an account’s first backfill and import wrote, by a job of its own after them', async () => {
    await firstSyncsDone();
    for (const table of ['tiktok_report_ad_days', 'tiktok_report_campaign_days', 'tiktok_entities']) {
      const tables = await analysedRows(table);
      assert.ok(tables.length > 0, `${table} holds rows`);
      for (const each of tables) assert.ok(each.reltuples > 0, `${each.name}: ${each.reltuples}`);
    }
    const { rows } = await sql<{ tables: string; output: { analyzedTables?: number } }>`
      select data ->> 'tables' as tables, output from pgboss.job
      where name = 'table-statistics' and state = 'completed'`.execute(kit.test.database.db);
    assert.ok(
      rows.some((row) => row.tables === 'reports' && (row.output.analyzedTables ?? 0) > 0),
      `a refresh of the report tables analysed them: ${JSON.stringify(rows)}`,
    );
  });

  it('hands the refresh to its job, which analyses nothing after a routine sync that rewrote a few days', async () => {
    const services = kit.test.whathead.services;
    const run = <Result>(work: () => Promise<Result>) =>
      withCallPriority({ lane: 'sync', tenant: workspaceId }, work);
    const reports = await run(() => services.reports.syncAccount(workspaceId, northwindUs));
    assert.equal(reports.statisticsQueued, true, JSON.stringify(reports));
    assert.deepEqual(await services.tableStatistics.refresh('reports'), { analyzedTables: 0 });
    const mirror = await run(() => services.campaignMirror.syncAccount(workspaceId, northwindUs));
    assert.equal(mirror.statisticsQueued, true, JSON.stringify(mirror));
    assert.deepEqual(await services.tableStatistics.refresh('mirror'), { analyzedTables: 0 });
  });
});
