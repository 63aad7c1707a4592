import type { Database } from '@whathead/db';
import {
  adDayCountColumns,
  type TikTokReportFactsRepository,
} from '../../apps/server/src/repositories/tiktok-report-facts.repository.js';
import { idOf, seedMirror, type MirrorShape } from './campaign-table-seed.js';

/** How much the seeded report store holds. */
export interface ReportStoreShape extends MirrorShape {
  workspaces: number;
  /** The first `agencies` workspaces have `accountsPerAgency` ad accounts; the others one each. */
  agencies: number;
  accountsPerAgency: number;
  /** Days stored per account, ending on `lastDay` ("YYYY-MM-DD"), the accounts' today. */
  days: number;
  lastDay: string;
}

export interface SeededWorkspace {
  workspaceId: string;
  advertiserIds: string[];
}

const dayMs = 86_400_000;
export const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10);

/** Counts of an ad and day, drawn in SQL: a few thousand impressions, clicks and plays under them. */
const countExpressions: Record<(typeof adDayCountColumns)[number], string> = {
  impressions: 'impressions',
  clicks: '(impressions * random() * 0.03)::bigint',
  reach: '(impressions * (0.6 + random() * 0.3))::bigint',
  conversions: '(impressions * random() * 0.002)::bigint',
  results: 'case when random() < 0.1 then null else (impressions * random() * 0.003)::bigint end',
  video_plays: '(impressions * 0.5)::bigint',
  video_watched_2s: '(impressions * random() * 0.3)::bigint',
  video_watched_6s: '(impressions * random() * 0.15)::bigint',
  video_views_p25: '(impressions * random() * 0.2)::bigint',
  video_views_p50: '(impressions * random() * 0.12)::bigint',
  video_views_p75: '(impressions * random() * 0.08)::bigint',
  video_views_p100: '(impressions * random() * 0.04)::bigint',
  likes: '(impressions * random() * 0.02)::bigint',
  comments: '(impressions * random() * 0.002)::bigint',
  shares: '(impressions * random() * 0.002)::bigint',
  follows: 'case when random() < 0.05 then null else (impressions * random() * 0.001)::bigint end',
  profile_visits: '(impressions * random() * 0.005)::bigint',
};

/**
 * A report store as the sync leaves it: `shape.workspaces` workspaces, each with a live TikTok
 * connection, its selected ad accounts (the first one its default; an agency's last account in
 * EUR, the rest in USD), their report sync state (ready, every day stored), the campaign mirror
 * (names for the breakdown), an ad-day row for every ad and day, and the rollups rewritten by
 * `finishAdDays` as after a sync. Ids are campaign-table-seed's, so the facts join the mirror.
 */
export async function seedReportStore(
  database: Database,
  facts: TikTokReportFactsRepository,
  shape: ReportStoreShape,
  progress: (message: string) => void,
): Promise<SeededWorkspace[]> {
  const firstDay = dayBefore(shape.lastDay, shape.days - 1);
  const workspaces: SeededWorkspace[] = [];
  let accountNumber = 0;
  for (let index = 1; index <= shape.workspaces; index += 1) {
    const workspaceId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    const count = index <= shape.agencies ? shape.accountsPerAgency : 1;
    const advertiserIds = Array.from({ length: count }, () =>
      String(7_300_000_000_000_000_000n + BigInt(++accountNumber)),
    );
    workspaces.push({ workspaceId, advertiserIds });
  }
  const accounts = workspaces.flatMap(({ workspaceId, advertiserIds }) =>
    advertiserIds.map((advertiserId, position) => ({
      workspaceId,
      advertiserId,
      position: position + 1,
      currency: position > 0 && position === advertiserIds.length - 1 ? 'EUR' : 'USD',
    })),
  );
  await database.executeSql(
    `with listed as (
      select * from unnest($1::uuid[], $2::text[], $3::int[], $4::text[]) as a(workspace_id, advertiser_id, position, currency)
    ), made_workspaces as (
      insert into workspaces (id, name) select distinct workspace_id, 'Workspace ' || workspace_id from listed
    ), made_connections as (
      insert into tiktok_connections (id, workspace_id, business_center_id, business_center_name, status)
      select distinct workspace_id, workspace_id, '71' || substr(workspace_id::text, 25), 'Business Center', 'connected'
      from listed
    ), made_accounts as (
      insert into tiktok_ad_accounts (connection_id, workspace_id, advertiser_id, name, status, currency, timezone,
        role, selected, is_default)
      select workspace_id, workspace_id, advertiser_id, 'Client ' || advertiser_id, 'STATUS_ENABLE', currency,
        'America/New_York', 'ADMIN', true, position = 1
      from listed
    )
    insert into tiktok_report_accounts (workspace_id, advertiser_id, state, time_zone, currency, backfill_start,
      stored_from, stored_through, hours_from, last_synced_at)
    select workspace_id, advertiser_id, 'ready', 'America/New_York', currency, $5::date, $5::date, $6::date,
      $6::date - 29, now()
    from listed`,
    [
      accounts.map((account) => account.workspaceId),
      accounts.map((account) => account.advertiserId),
      accounts.map((account) => account.position),
      accounts.map((account) => account.currency),
      firstDay,
      shape.lastDay,
    ],
  );
  for (const { workspaceId, advertiserIds } of workspaces)
    await seedMirror(database, workspaceId, advertiserIds, shape);
  progress(
    `${workspaces.length} workspaces, ${accounts.length} ad accounts and their campaign mirror written`,
  );

  await facts.ensurePartitions(firstDay, shape.lastDay);
  const adsPerGroup = shape.adsPerAccount / shape.adGroupsPerAccount;
  const groupsPerCampaign = shape.adGroupsPerAccount / shape.campaignsPerAccount;
  const group = `(1 + (number - 1) / ${adsPerGroup})`;
  const campaign = `(1 + (${group} - 1) / ${groupsPerCampaign})`;
  // Each account's rows by day, then ad: the order the sync writes them in.
  const insert = `
    insert into tiktok_report_ad_days (workspace_id, advertiser_id, ad_id, day, campaign_id, adgroup_id, spend,
      ${adDayCountColumns.join(', ')}, synced_at)
    select $1::uuid, $2, ${idOf(3, 'number')}, day, ${idOf(1, campaign)}, ${idOf(2, group)},
      round((impressions * (0.004 + random() * 0.008))::numeric, 3), ${adDayCountColumns.map((column) => countExpressions[column]).join(', ')}, now()
    from (select $3::bigint as account) as place,
      generate_series($4::date, $5::date, interval '1 day') as day,
      generate_series(1, ${shape.adsPerAccount}) as number,
      lateral (select (random() * 8000 + 0 * number)::bigint as impressions) as drawn`;
  const started = performance.now();
  for (const [index, account] of accounts.entries()) {
    await database.executeSql(insert, [
      account.workspaceId,
      account.advertiserId,
      account.position,
      firstDay,
      shape.lastDay,
    ]);
    await facts.finishAdDays(
      account.workspaceId,
      account.advertiserId,
      { from: firstDay, to: shape.lastDay },
      new Date(0),
    );
    if ((index + 1) % 10 === 0 || index === accounts.length - 1)
      progress(
        `ad days and rollups of ${index + 1}/${accounts.length} accounts written (${Math.round((performance.now() - started) / 1000)} s)`,
      );
  }
  await database.executeSql(
    'vacuum analyze tiktok_report_ad_days, tiktok_report_campaign_days, tiktok_report_account_days, tiktok_entities, tiktok_ad_accounts, tiktok_report_accounts',
  );
  return workspaces;
}
