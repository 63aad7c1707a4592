import type { EmulatorRuntime } from '../runtime.js';
import type { Store } from '../state/store.js';
import { buildReportInTurns, settledFrom, type ReportQuery, type ReportRow } from './report-builder.js';
import { reportingNow } from './report-time.js';

// A report is read page by page (a month of 2,000 ads by day is 60 pages of 1,000 rows), and
// every page needs all of its rows to know which come first, so the rows of the last few
// queries are kept between pages. Bounded in queries and in rows (some 200 bytes each, so
// about 40 MB at most), whichever fills first.
const maximumQueries = 8;
const maximumRows = 200_000;

/** Per store: a scenario load or reset replaces the store, and its kept rows go with it. */
const keptRows = new WeakMap<Store, Map<string, ReportRow[]>>();

/**
 * The rows of `query` as of `reportingNow(now)`, built once and then answered again while nothing
 * changed: the key holds the query, that instant, the store's revision (every API write, status
 * change and control change) and what else the figures read. Callers must not change the rows.
 * Other calls are answered while the rows are built; rows a write overtook are kept under the
 * revision they began at, which no later query asks for.
 */
export async function reportRows(
  runtime: EmulatorRuntime,
  query: ReportQuery,
  now: number,
): Promise<ReportRow[]> {
  const { store } = runtime;
  const at = reportingNow(now);
  const advertiser = store.advertisers.get(query.advertiserId);
  const settled = at >= (settledFrom(runtime, query) ?? Infinity);
  const key = JSON.stringify([
    query,
    // Rows that no longer change are kept across minutes (and built as of any of them alike).
    settled ? 'settled' : at,
    store.revision,
    runtime.seed,
    runtime.settings.restatementDays,
    advertiser?.status,
    advertiser?.displayTimezone,
    // Records put straight into the maps (not through the API) at least change these.
    store.ads.size,
    store.adgroups.size,
    store.campaigns.size,
  ]);
  const kept = keptRows.get(store) ?? new Map<string, ReportRow[]>();
  keptRows.set(store, kept);
  const found = kept.get(key);
  if (found) {
    // Map order is the recency order: the query read last is evicted last.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const rows = await buildReportInTurns(runtime, query, at);
  kept.set(key, rows);
  evictOldest(kept);
  return rows;
}

function evictOldest(kept: Map<string, ReportRow[]>): void {
  let total = 0;
  for (const rows of kept.values()) total += rows.length;
  // A report larger than the whole budget is not kept at all (this may drop the newest too).
  for (const [key, rows] of kept) {
    if (kept.size <= maximumQueries && total <= maximumRows) break;
    kept.delete(key);
    total -= rows.length;
  }
}
