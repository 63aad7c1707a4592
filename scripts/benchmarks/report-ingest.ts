/**
 * The report sync's ingest (issue 12, "done when"): TikTok's ad days written by
 * `TikTokReportFactsRepository.writeAdDays`, one `insert … select unnest(…)` per page of 1000 rows,
 * as the sync sends them: a plain insert for days never stored (a backfill), `on conflict do
 * update` for days read again. Targets: ≥ 100,000 rows/s, and at least half the
 * rate of a plain COPY of the same rows into the same table in the same run.
 *
 * How: three ad accounts of 2,000 ads × 60 days each (three month partitions), paged as the sync
 * gets them from TikTok (30-day reads newest first, each by day then ad id, 1000 rows a page), and
 * written through the repository as the sync writes them (tiktok-report-sync.ts): an account at a
 * time, two pages written at once and the next page's statement built meanwhile (`unnest`); beside
 * it, the same with one page written at a time (`unnest_one`), and one page at a time with nothing
 * overlapping (`unnest_serial`: build, write, build, …); first into empty partitions (a backfill), then again with
 * revised numbers over the same rows (a restatement re-read). Beside them, the same rows by the
 * ways COPY could take them, each into the same emptied table, on one connection:
 * - `copy`: one COPY FROM STDIN of each account's rows straight into the table: the ceiling (it
 *   cannot update a row, and a sync never holds an account's rows all at once);
 * - `staged`: one COPY of each account's rows into a temporary table, then one merge statement
 *   (`insert … select … on conflict do update`), fresh and again as an update;
 * - `page_copy`: per page, COPY into a temporary table and one merge statement, in one
 *   transaction: the COPY path the sync could take instead of unnest.
 * `ratio_to_copy` is the ingest as the sync writes (`unnest`) over `copy`; `serial_ratio_to_copy`
 * the one-page-at-a-time rate over it. Each figure is the median of the rounds; each round runs
 * every path once, each round starting at another, so a busy moment of the shared machine weighs on
 * all of them alike. COPY's
 * figures include writing its text in this process, as the repository's include its array
 * literals. Beside each rate, the CPU each side spent per row (PostgreSQL's backends, read from
 * /proc, and this process), which a busy machine inflates far less than wall time.
 *
 * Needs PostgreSQL: TEST_DATABASE_URL or DATABASE_URL, or PostgreSQL's binaries for a throwaway
 * cluster.
 */
import { availableParallelism } from 'node:os';
import { migrate } from '@whathead/db';
import {
  adDayCountColumns,
  TikTokReportFactsRepository,
} from '../../apps/server/src/repositories/tiktok-report-facts.repository.js';
import { PageWrites } from '../../apps/server/src/lib/page-writes.js';
import { writesAtOnce } from '../../apps/server/src/services/tiktok-report-sync.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { openBenchPostgres } from '../lib/bench-postgres.js';
import {
  backendDifference,
  backendMilliseconds,
  cpuStallMicroseconds,
  ownMilliseconds,
} from '../lib/cpu-time.js';
import {
  adDayPages,
  connect,
  copyColumns,
  copyInto,
  copyText,
  type AccountPages,
  type AdDayShape,
} from '../lib/report-ad-days.js';

const shape: AdDayShape = {
  accounts: 3,
  adsPerAccount: 2_000,
  campaignsPerAccount: 40,
  adGroupsPerAccount: 200,
  // 60 days over three months: three partitions of each table.
  from: '2026-09-19',
  to: '2026-11-17',
  pageSize: 1_000,
  daysPerRead: 30,
};
const rounds = 5;
const targetRowsPerSecond = 100_000;
const targetRatioToCopy = 0.5;
const workspaceId = '0b9a6f6e-4c1d-4a8e-9d62-3f4be8a1c001';

/** The repository's upsert, as statement text over a source of rows with the table's columns. */
const mergeFrom = (source: string) => `
  insert into tiktok_report_ad_days (${copyColumns})
  select ${copyColumns} from ${source}
  on conflict (workspace_id, advertiser_id, campaign_id, day, ad_id) do update set
    adgroup_id = excluded.adgroup_id, spend = excluded.spend,
    ${adDayCountColumns.map((column) => `${column} = excluded.${column}`).join(', ')},
    synced_at = excluded.synced_at`;

/** A way to write the rows; `stored`: whether they may be stored already (the revised pass). */
type Path = (accounts: AccountPages[], stored: 'new' | 'maybe') => Promise<void>;

/** One pass of a path: rows per second, and the CPU each side spent per row. */
interface Measure {
  rate: number;
  serverMicroseconds: number | undefined;
  nodeMicroseconds: number;
}

export const benchmark: Benchmark = {
  description: `the report sync's ad-day ingest (unnest upsert per 1000-row page) against COPY of the same rows: rows/s (targets ≥ ${targetRowsPerSecond} rows/s, ≥ ${targetRatioToCopy} of COPY)`,
  async run(): Promise<Figures> {
    const postgres = await openBenchPostgres('report-ingest');
    const client = await connect(postgres.url);
    try {
      await migrate(postgres.database);
      const facts = new TikTokReportFactsRepository(postgres.database);
      await facts.ensurePartitions(shape.from, shape.to);
      const fresh = adDayPages(shape, 0);
      const revised = adDayPages(shape, 1);
      const rowCount = fresh.reduce((sum, account) => sum + account.pages.flat().length, 0);
      const pageCount = fresh.reduce((sum, account) => sum + account.pages.length, 0);
      const syncedAt = new Date().toISOString();
      console.log(
        `${postgres.label}; ${availableParallelism()} cores; ${rowCount} ad days (${shape.accounts} accounts × ` +
          `${shape.adsPerAccount} ads × ${rowCount / shape.accounts / shape.adsPerAccount} days, ${shape.from}…${shape.to}) in ${pageCount} pages`,
      );
      await client.query('create temp table staged_ad_days (like tiktok_report_ad_days including defaults)');
      await client.query(
        'create temp table page_ad_days (like tiktok_report_ad_days including defaults) on commit delete rows',
      );

      // Each path starts on an idle server: autovacuum, woken by the rows the path before
      // rewrote, would otherwise analyse beside whichever path came next.
      const empty = async () => {
        await client.query('truncate tiktok_report_ad_days');
        await client.query('checkpoint');
        for (let wait = 0; wait < 300; wait += 1) {
          const { rows } = await client.query<{ busy: number }>(
            "select count(*)::int as busy from pg_stat_activity where backend_type = 'autovacuum worker'",
          );
          if (rows[0]!.busy === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const unnestSerial: Path = async (accounts, stored) => {
        for (const account of accounts)
          for (const page of account.pages)
            await facts.writeAdDays(workspaceId, account.advertiserId, page, stored);
      };
      // As tiktok-report-sync.ts writes a read's pages: so many written at a time, the next
      // page's statement built meanwhile.
      const overlapped =
        (atOnce: number): Path =>
        async (accounts, stored) => {
          for (const account of accounts) {
            const writes = new PageWrites(atOnce);
            for (const page of account.pages)
              await writes.add(facts.adDaysWrite(workspaceId, account.advertiserId, page, stored));
            await writes.settled();
          }
        };
      // Each page's text is written as the stream asks for it, never all held at once.
      const texts = function* (account: AccountPages) {
        for (const page of account.pages) yield copyText(workspaceId, account.advertiserId, page, syncedAt);
      };
      const copy: Path = async (accounts) => {
        for (const account of accounts) await copyInto(client, 'tiktok_report_ad_days', texts(account));
      };
      const staged: Path = async (accounts) => {
        for (const account of accounts) {
          await copyInto(client, 'staged_ad_days', texts(account));
          await client.query(mergeFrom('staged_ad_days'));
          await client.query('truncate staged_ad_days');
        }
      };
      const pageCopy: Path = async (accounts) => {
        for (const account of accounts)
          for (const page of account.pages) {
            await client.query('begin');
            await copyInto(client, 'page_ad_days', [
              copyText(workspaceId, account.advertiserId, page, syncedAt),
            ]);
            await client.query(mergeFrom('page_ad_days'));
            await client.query('commit');
          }
      };
      const timed = async (
        path: Path,
        accounts: AccountPages[],
        stored: 'new' | 'maybe',
      ): Promise<Measure> => {
        const [backends, own, started] = [
          await backendMilliseconds(client),
          ownMilliseconds(),
          performance.now(),
        ];
        await path(accounts, stored);
        const seconds = (performance.now() - started) / 1000;
        const [ownAfter, backendsAfter] = [ownMilliseconds(), await backendMilliseconds(client)];
        const server = backendDifference(backends, backendsAfter);
        return {
          rate: rowCount / seconds,
          serverMicroseconds: server === undefined ? undefined : (server * 1000) / rowCount,
          nodeMicroseconds: ((ownAfter - own) * 1000) / rowCount,
        };
      };
      /** Each path: fresh rows into emptied partitions, then (where it can) the revised rows over them. */
      const paths: { name: string; path: Path; updates: boolean }[] = [
        { name: 'unnest', path: overlapped(writesAtOnce), updates: true },
        { name: 'unnest_one', path: overlapped(1), updates: true },
        { name: 'unnest_serial', path: unnestSerial, updates: true },
        { name: 'copy', path: copy, updates: false },
        { name: 'staged', path: staged, updates: true },
        { name: 'page_copy', path: pageCopy, updates: true },
      ];
      const measures = new Map<string, Measure[]>();
      const record = (key: string, measure: Measure) =>
        measures.set(key, [...(measures.get(key) ?? []), measure]);
      const describe = (measure: Measure) =>
        `${Math.round(measure.rate)} rows/s (CPU µs/row: PostgreSQL ${measure.serverMicroseconds?.toFixed(1) ?? '?'}, node ${measure.nodeMicroseconds.toFixed(1)})`;
      const stallBefore = cpuStallMicroseconds();
      const runStarted = performance.now();
      for (let round = 1; round <= rounds; round += 1) {
        // Each round starts at another path, so none always follows the same one.
        const shift = (round - 1) % paths.length;
        for (const { name, path, updates } of [...paths.slice(shift), ...paths.slice(0, shift)]) {
          await empty();
          const insert = await timed(path, fresh, 'new');
          record(`${name}_insert`, insert);
          let line = `round ${round}: ${name.padEnd(9)} insert ${describe(insert)}`;
          if (updates) {
            await client.query('checkpoint');
            const update = await timed(path, revised, 'maybe');
            record(`${name}_update`, update);
            line += `; update ${describe(update)}`;
          }
          console.log(line);
        }
      }
      const stallAfter = cpuStallMicroseconds();
      const { rows } = await client.query<{ count: number }>(
        'select count(*)::int as count from tiktok_report_ad_days where conversions is not null',
      );
      if (rows[0]!.count === 0) throw new Error('nothing was written');

      const median = (key: string) =>
        percentile(
          measures.get(key)!.map((measure) => measure.rate),
          50,
        );
      const figures: Figures = {
        engine: postgres.label,
        cores: availableParallelism(),
        rows: rowCount,
        pages: pageCount,
        page_rows: shape.pageSize,
        rounds,
        target_rows_per_s: targetRowsPerSecond,
        target_ratio_to_copy: targetRatioToCopy,
      };
      if (stallBefore !== undefined && stallAfter !== undefined)
        figures.cpu_stall_pct = rounded(
          ((stallAfter - stallBefore) / 1000 / (performance.now() - runStarted)) * 100,
        );
      for (const [key, list] of measures) {
        figures[`${key}_rows_per_s`] = rounded(median(key));
        const server = list.map((measure) => measure.serverMicroseconds);
        if (server.every((value) => value !== undefined))
          figures[`${key}_pg_cpu_us_per_row`] = rounded(percentile(server, 50), 1);
        figures[`${key}_node_cpu_us_per_row`] = rounded(
          percentile(
            list.map((measure) => measure.nodeMicroseconds),
            50,
          ),
          1,
        );
      }
      figures.rows_per_s = figures.unnest_insert_rows_per_s!;
      figures.update_rows_per_s = figures.unnest_update_rows_per_s!;
      const ratio = (key: string, over: string) => rounded(median(key) / median(over), 2);
      figures.ratio_to_copy = ratio('unnest_insert', 'copy_insert');
      figures.update_ratio_to_copy = ratio('unnest_update', 'copy_insert');
      figures.serial_ratio_to_copy = ratio('unnest_serial_insert', 'copy_insert');
      figures.ratio_to_one_at_a_time = ratio('unnest_insert', 'unnest_one_insert');
      figures.serial_update_ratio_to_copy = ratio('unnest_serial_update', 'copy_insert');
      figures.ratio_to_staged = ratio('unnest_insert', 'staged_insert');
      figures.update_ratio_to_staged = ratio('unnest_update', 'staged_update');
      figures.ratio_to_page_copy = ratio('unnest_insert', 'page_copy_insert');
      figures.update_ratio_to_page_copy = ratio('unnest_update', 'page_copy_update');
      figures.serial_ratio_to_page_copy = ratio('unnest_serial_insert', 'page_copy_insert');
      figures.serial_update_ratio_to_page_copy = ratio('unnest_serial_update', 'page_copy_update');
      console.log(
        `medians, rows/s: unnest ${figures.rows_per_s} (update ${figures.update_rows_per_s}; one page at a time ` +
          `${figures.unnest_serial_insert_rows_per_s}, update ${figures.unnest_serial_update_rows_per_s}; built ahead ` +
          `but written one at a time ${figures.unnest_one_insert_rows_per_s}); ` +
          `copy ${figures.copy_insert_rows_per_s}; staged ${figures.staged_insert_rows_per_s} ` +
          `(update ${figures.staged_update_rows_per_s}); page_copy ${figures.page_copy_insert_rows_per_s} ` +
          `(update ${figures.page_copy_update_rows_per_s}); unnest / copy ${figures.ratio_to_copy} ` +
          `(update ${figures.update_ratio_to_copy}; one page at a time ${figures.serial_ratio_to_copy}); ` +
          `some task waited for a core ${figures.cpu_stall_pct ?? '?'} % of the run`,
      );
      return figures;
    } finally {
      await client.end();
      await postgres.close();
    }
  },
};
