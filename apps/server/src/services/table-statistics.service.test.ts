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

  it('analyses what an account’s first backfill and import wrote, before they read as ready', async () => {
    await firstSyncsDone();
    for (const table of ['tiktok_report_ad_days', 'tiktok_report_campaign_days', 'tiktok_entities']) {
      const tables = await plannedRows(table);
      assert.ok(tables.length > 0, `${table} holds rows`);
      for (const each of tables) assert.ok(each.reltuples > 0, `${each.name}: ${each.reltuples}`);
    }
  });

  it('analyses nothing after a routine sync that rewrote a few days', async () => {
    const services = kit.test.whathead.services;
    const run = <Result>(work: () => Promise<Result>) =>
      withCallPriority({ lane: 'sync', tenant: workspaceId }, work);
    const reports = await run(() => services.reports.syncAccount(workspaceId, northwindUs));
    assert.equal(reports.analyzedTables, 0, JSON.stringify(reports));
    const mirror = await run(() => services.campaignMirror.syncAccount(workspaceId, northwindUs));
    assert.equal(mirror.analyzedTables, 0, JSON.stringify(mirror));
  });
});
