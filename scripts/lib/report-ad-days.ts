import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  adDayCountColumns,
  type AdDayCountColumn,
  type AdDayRow,
} from '../../apps/server/src/repositories/tiktok-report-facts.repository.js';

/** One ad account's rows as the sync receives them: pages of at most 1000, in TikTok's order. */
export interface AccountPages {
  advertiserId: string;
  pages: AdDayRow[][];
}

export interface AdDayShape {
  accounts: number;
  adsPerAccount: number;
  campaignsPerAccount: number;
  adGroupsPerAccount: number;
  /** The first and last day, inclusive ("YYYY-MM-DD"). */
  from: string;
  to: string;
  pageSize: number;
  /** The days of one report read (TikTok allows 30 with stat_time_day). */
  daysPerRead: number;
}

const dayMs = 86_400_000;
const dayOf = (start: string, offset: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;

/** A small deterministic generator (mulberry32), so every run ingests the same rows. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** TikTok-like numbers of an ad and day, as TikTok's text; "-" (null) now and then, as TikTok leaves some out. */
function countsOf(random: () => number, pass: number): { spend: string; counts: AdDayRow['counts'] } {
  const impressions = Math.floor(random() * 40_000);
  const clicks = Math.floor(impressions * random() * 0.03);
  const plays = Math.floor(impressions * (0.3 + random() * 0.4));
  const share = (of: number, most: number) => Math.floor(of * random() * most);
  const values: Record<AdDayCountColumn, number | null> = {
    impressions,
    clicks,
    reach: Math.floor(impressions * (0.6 + random() * 0.3)),
    // Restatement revises conversions: a second pass writes other numbers.
    conversions: share(clicks, 0.2) + pass,
    results: random() < 0.1 ? null : share(clicks, 0.25) + pass,
    video_plays: plays,
    video_watched_2s: share(plays, 0.6),
    video_watched_6s: share(plays, 0.3),
    video_views_p25: share(plays, 0.4),
    video_views_p50: share(plays, 0.25),
    video_views_p75: share(plays, 0.15),
    video_views_p100: share(plays, 0.08),
    likes: share(plays, 0.05),
    comments: share(plays, 0.005),
    shares: share(plays, 0.004),
    follows: random() < 0.05 ? null : share(plays, 0.002),
    profile_visits: random() < 0.05 ? null : share(plays, 0.01),
  };
  const counts = Object.fromEntries(
    adDayCountColumns.map((column) => [column, values[column] === null ? null : String(values[column])]),
  ) as AdDayRow['counts'];
  return { spend: (impressions * (0.004 + random() * 0.008)).toFixed(3), counts };
}

/**
 * Every account's ad days, paged as the sync would get them: 30-day reads newest first, each read's
 * rows by day then ad id (the emulator's order), cut into pages. `pass` > 0 gives the same rows
 * with revised numbers (a restatement's re-read).
 */
export function adDayPages(shape: AdDayShape, pass = 0): AccountPages[] {
  const dayCount = daysBetween(shape.from, shape.to);
  const accounts: AccountPages[] = [];
  for (let account = 0; account < shape.accounts; account += 1) {
    const advertiserId = String(7_200_000_000_000_004_001n + BigInt(account));
    const random = randomFrom(1_000 * (account + 1) + pass);
    const ads = Array.from({ length: shape.adsPerAccount }, (_, index) => {
      const adGroup = index % shape.adGroupsPerAccount;
      return {
        adId: String(1_800_000_000_000_000n + BigInt(account * 1_000_000 + index) * 7_919n),
        adGroupId: String(1_700_000_000_000_000n + BigInt(account * 100_000 + adGroup) * 7_919n),
        campaignId: String(
          1_600_000_000_000_000n + BigInt(account * 10_000 + (adGroup % shape.campaignsPerAccount)) * 7_919n,
        ),
      };
    }).sort((left, right) => left.adId.localeCompare(right.adId));
    const pages: AdDayRow[][] = [];
    for (let readEnd = dayCount - 1; readEnd >= 0; readEnd -= shape.daysPerRead) {
      const rows: AdDayRow[] = [];
      for (let offset = Math.max(0, readEnd - shape.daysPerRead + 1); offset <= readEnd; offset += 1) {
        const day = dayOf(shape.from, offset);
        for (const ad of ads) rows.push({ ...ad, day, ...countsOf(random, pass) });
      }
      for (let start = 0; start < rows.length; start += shape.pageSize)
        pages.push(rows.slice(start, start + shape.pageSize));
    }
    accounts.push({ advertiserId, pages });
  }
  return accounts;
}

/** The columns of `tiktok_report_ad_days` in the order COPY's lines give them. */
export const copyColumns = [
  'workspace_id',
  'advertiser_id',
  'ad_id',
  'day',
  'campaign_id',
  'adgroup_id',
  'spend',
  ...adDayCountColumns,
  'synced_at',
].join(', ');

/**
 * COPY's text format of some rows (tab-separated, \N for null). Ids, days, amounts and counts hold
 * no tab, newline or backslash, so nothing needs escaping.
 */
export function copyText(
  workspaceId: string,
  advertiserId: string,
  rows: readonly AdDayRow[],
  syncedAt: string,
) {
  let text = '';
  for (const row of rows) {
    text += `${workspaceId}\t${advertiserId}\t${row.adId}\t${row.day}\t${row.campaignId}\t${row.adGroupId}\t${row.spend ?? '\\N'}`;
    for (const column of adDayCountColumns) text += `\t${row.counts[column] ?? '\\N'}`;
    text += `\t${syncedAt}\n`;
  }
  return text;
}

/** COPY FROM STDIN of `chunks` (COPY text) into `table`, on `client`. */
export async function copyInto(client: pg.Client, table: string, chunks: Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${copyColumns}) from stdin`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
