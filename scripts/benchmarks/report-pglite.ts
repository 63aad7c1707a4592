/**
 * Report volume on the embedded PGlite, the default database: one ad account of 300 campaigns,
 * 1,500 ad groups and 12,000 ads, with a year of report rows (each ad on about one day in 16, some
 * 270,000 ad days, as a real account's ads come and go). PGlite runs in the server's one thread and
 * never analyses a table by itself, so these reads once froze the server: the Campaigns table by ad
 * sorted by CTR over 8 days ran for over 45 minutes, the ad breakdown over a year 7–29 s.
 *
 * How: the store is written straight in SQL into a PGlite data dir of its own (the mirror by
 * scripts/lib/campaign-table-seed.ts, the ad days here, the rollups by the repository's own
 * `finishAdDays`), and its statistics cleared, as PGlite leaves a store (pg_class.reltuples -1).
 * Three reads, each by the repository as the routes call it, `samples` times one after another:
 * the Campaigns table's first page by ad sorted by CTR over the last 8 days and over the year, and
 * the Reports breakdown by ad over the year. Each read's p50/p95 first without statistics, then
 * after the daily upkeep's ANALYZE (its time is measured too). Whatever a read costs here, the
 * server's every other request waits for it: these figures are the stall a person can cause.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Database } from '@whathead/db';
import { CampaignTableRepository } from '../../apps/server/src/repositories/campaign-table.repository.js';
import {
  mirrorTables,
  reportTables,
  TableStatisticsRepository,
} from '../../apps/server/src/repositories/table-statistics.repository.js';
import { TikTokReportFactsRepository } from '../../apps/server/src/repositories/tiktok-report-facts.repository.js';
import { TikTokReportQueriesRepository } from '../../apps/server/src/repositories/tiktok-report-queries.repository.js';
import { TableStatisticsService } from '../../apps/server/src/services/table-statistics.service.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { idOf, seedMirror, type MirrorShape } from '../lib/campaign-table-seed.js';
import { dayBefore } from '../lib/report-query-seed.js';

const shape: MirrorShape = { campaignsPerAccount: 300, adGroupsPerAccount: 1_500, adsPerAccount: 12_000 };
const workspaceId = '00000000-0000-4000-8000-000000000001';
const advertiserId = '7300000000000000001';
const lastDay = '2026-11-30';
const firstDay = dayBefore(lastDay, 364);
/** The share of ad days with a row, in percent. */
const activePercent = 6;
const samples = 5;

/** The workspace, its connection and selected account, and the account's report sync state. */
async function seedAccount(database: Database): Promise<void> {
  await database.executeSql(
    `with made_workspace as (
      insert into workspaces (id, name) values ($1::uuid, 'Atlas Media')
    ), made_connection as (
      insert into tiktok_connections (id, workspace_id, business_center_id, business_center_name, status)
      values ($1::uuid, $1::uuid, '7100000000000000001', 'Business Center', 'connected')
    ), made_account as (
      insert into tiktok_ad_accounts (connection_id, workspace_id, advertiser_id, name, status, currency,
        timezone, role, selected, is_default)
      values ($1::uuid, $1::uuid, $2, 'Atlas Client', 'STATUS_ENABLE', 'USD', 'America/New_York', 'ADMIN', true, true)
    )
    insert into tiktok_report_accounts (workspace_id, advertiser_id, state, time_zone, currency,
      backfill_start, stored_from, stored_through, hours_from, last_synced_at)
    values ($1::uuid, $2, 'ready', 'America/New_York', 'USD', $3::date, $3::date, $4::date, $4::date - 29, now())`,
    [workspaceId, advertiserId, firstDay, lastDay],
  );
}

/** The ad days of `from`..`to`: ids as campaign-table-seed's, so the facts join the mirror. */
async function seedAdDays(database: Database, from: string, to: string): Promise<void> {
  const group = `(1 + (number - 1) / ${shape.adsPerAccount / shape.adGroupsPerAccount})`;
  const campaign = `(1 + (${group} - 1) / ${shape.adGroupsPerAccount / shape.campaignsPerAccount})`;
  await database.executeSql(
    `insert into tiktok_report_ad_days (workspace_id, advertiser_id, ad_id, day, campaign_id, adgroup_id,
      spend, impressions, clicks, conversions, results, synced_at)
    select $1::uuid, $2, ${idOf(3, 'number')}, day, ${idOf(1, campaign)}, ${idOf(2, group)},
      round((impressions * (0.004 + random() * 0.008))::numeric, 3), impressions,
      (impressions * random() * 0.03)::bigint, (impressions * random() * 0.002)::bigint,
      (impressions * random() * 0.003)::bigint, now()
    from (select 1::bigint as account) as place,
      generate_series($3::date, $4::date, interval '1 day') as day,
      generate_series(1, ${shape.adsPerAccount}) as number,
      lateral (select (random() * 8000 + 0 * number)::bigint as impressions) as drawn
    where mod(abs(hashtext(number || '/' || day)), 100) < ${activePercent}`,
    [workspaceId, advertiserId, from, to],
  );
}

/**
 * Every statistic of the report and mirror tables gone, as PGlite leaves a store it wrote
 * (seedMirror analyses the mirror for its own updates). PGlite is PostgreSQL 18, which has these.
 */
async function clearStatistics(database: Database): Promise<void> {
  const targets = `
    select namespace.nspname as schema, class.relname as name, class.oid
    from pg_class as class join pg_namespace as namespace on namespace.oid = class.relnamespace
    where class.oid = any($1::regclass[])
      or class.oid in (select inhrelid from pg_inherits where inhparent = any($1::regclass[]))`;
  const tables = [[...reportTables, ...mirrorTables]];
  await database.executeSql(
    `select pg_clear_relation_stats(target.schema, target.name) from (${targets}) as target`,
    tables,
  );
  await database.executeSql(
    `select pg_clear_attribute_stats(target.schema, target.name, attribute.attname, kind.inherited)
    from (${targets}) as target
    join pg_attribute as attribute
      on attribute.attrelid = target.oid and attribute.attnum > 0 and not attribute.attisdropped
    cross join (values (false), (true)) as kind (inherited)`,
    tables,
  );
}

/** The three reads, as the Campaigns and Reports routes make them. */
function reads(database: Database) {
  const table = new CampaignTableRepository(database);
  const queries = new TikTokReportQueriesRepository(database);
  const tablePage = (from: string) =>
    table.page({
      workspaceId,
      level: 'ad',
      status: 'not_deleted',
      sort: 'ctr',
      direction: 'desc',
      range: { from, to: lastDay },
      limit: 51,
    });
  return {
    table_ad_ctr_8_days: () => tablePage(dayBefore(lastDay, 7)),
    table_ad_ctr_year: () => tablePage(firstDay),
    breakdown_ad_year: () =>
      queries.breakdown(
        { workspaceId, advertiserIds: [advertiserId], from: firstDay, to: lastDay },
        { level: 'ad', sort: 'spend', direction: 'desc', limit: 1001, sums: 'breakdown' },
      ),
  };
}

/** Each read `samples` times: its p50 and p95 as `<read>_<phase>_p50_ms` and `_p95_ms`. */
async function measure(database: Database, phase: string, figures: Figures): Promise<void> {
  for (const [name, read] of Object.entries(reads(database))) {
    const times: number[] = [];
    for (let sample = 0; sample < samples; sample += 1) {
      const started = performance.now();
      const rows = await read();
      times.push(performance.now() - started);
      if (rows.length === 0) throw new Error(`${name}: no rows`);
    }
    const [p50, p95] = [50, 95].map((rank) => rounded(percentile(times, rank))) as [number, number];
    figures[`${name}_${phase}_p50_ms`] = p50;
    figures[`${name}_${phase}_p95_ms`] = p95;
    console.log(`${name.padEnd(20)} ${phase.padEnd(9)} p50 ${p50} ms  p95 ${p95} ms`);
  }
}

export const benchmark: Benchmark = {
  description: `Campaigns table by ad sorted by CTR, and the ad breakdown over a year, on PGlite with ${shape.adsPerAccount} ads: p50/p95 without statistics and after ANALYZE`,
  async run(): Promise<Figures> {
    const directory = mkdtempSync(path.join(tmpdir(), 'whathead-bench-pglite-'));
    const database = await openDatabase({
      engine: 'pglite',
      dataDirectory: path.join(directory, 'database'),
    });
    try {
      await migrate(database);
      const seedStarted = performance.now();
      const facts = new TikTokReportFactsRepository(database);
      await seedAccount(database);
      await seedMirror(database, workspaceId, [advertiserId], shape);
      await facts.ensurePartitions(firstDay, lastDay);
      for (let to = lastDay; to >= firstDay; to = dayBefore(to, 30)) {
        const from = dayBefore(to, 29) < firstDay ? firstDay : dayBefore(to, 29);
        await seedAdDays(database, from, to);
      }
      await facts.finishAdDays(workspaceId, advertiserId, { from: firstDay, to: lastDay }, new Date(0));
      await clearStatistics(database);
      const { rows } = await database.executeSql(
        `select (select count(*) from tiktok_report_ad_days)::int as ad_days,
          (select count(*) from tiktok_entities)::int as entities,
          (select min(reltuples) from pg_class where relname like 'tiktok_report_ad_days_%' and relkind = 'r') as reltuples,
          version() as version`,
      );
      const store = rows[0] as { ad_days: number; entities: number; reltuples: number; version: string };
      const seconds = rounded((performance.now() - seedStarted) / 1000);
      console.log(
        `${store.version.split(' on ')[0]} (PGlite); ${availableParallelism()} cores; written in ${seconds} s: ` +
          `${store.ad_days} ad days, ${store.entities} mirrored rows; reltuples ${store.reltuples} (no statistics)`,
      );
      const figures: Figures = {
        engine: 'pglite',
        cores: availableParallelism(),
        ad_days: store.ad_days,
        ads: shape.adsPerAccount,
        samples,
      };
      await measure(database, 'no_stats', figures);
      const analyzeStarted = performance.now();
      const statistics = new TableStatisticsService({ statistics: new TableStatisticsRepository(database) });
      figures.analyzed_tables = await statistics.daily();
      figures.analyze_ms = rounded(performance.now() - analyzeStarted);
      console.log(`the daily upkeep analysed ${figures.analyzed_tables} tables in ${figures.analyze_ms} ms`);
      await measure(database, 'analyzed', figures);
      return figures;
    } finally {
      await database.close();
      rmSync(directory, { recursive: true, force: true });
    }
  },
};
