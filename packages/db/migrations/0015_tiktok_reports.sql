-- Performance reports (issue 12): TikTok's numbers per ad and day, per campaign and hour, and the
-- rollups the dashboard reads. Days and hours are the ad account's own (its `display_timezone`),
-- as TikTok labels them; money is in the account's currency; a metric TikTok left out ("-") is
-- null, never 0. Ratios (CTR, CPC, CPM, cost per conversion…) are never stored: they are worked
-- out from the sums of the range asked for, so no average of averages is ever shown.

-- Each ad account's report sync: where its backfill stands and when it last synced.
create table tiktok_report_accounts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  state text not null default 'queued' check (state in ('queued', 'syncing', 'ready', 'failed', 'stopped')),
  -- The zone and currency the stored rows are in: a change of either at TikTok starts over.
  time_zone text,
  currency text,
  -- The backfill goes from the newest day back to `backfill_start` (365 days, or the account's
  -- creation); `stored_from`..`stored_through` is the run of days fully stored so far.
  backfill_start date,
  stored_from date,
  stored_through date,
  -- Campaign hours are stored from this day to `stored_through` (the backfill reads days only).
  hours_from date,
  last_synced_at timestamptz,
  last_attempt_at timestamptz,
  error text,
  primary key (workspace_id, advertiser_id)
);

-- The workspace's report settings; a workspace without a row uses the defaults.
create table tiktok_report_settings (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  -- TikTok revises conversions for days after the fact: every sync reads these last days again.
  restatement_days smallint not null default 7 check (restatement_days between 1 and 28),
  -- Hourly rows older than this are deleted.
  hourly_retention_days smallint not null default 30 check (hourly_retention_days between 3 and 90),
  updated_at timestamptz not null default now()
);

-- One row per ad and day: every level above is the sum of its ads (TikTok's levels add up), so
-- campaigns, ad groups and the account are derived, never fetched twice. Reach is TikTok's count
-- of unique people for that ad and day; it does not add across ads or days, so no rollup has it.
create table tiktok_report_ad_days (
  workspace_id uuid not null,
  advertiser_id text not null,
  ad_id text not null,
  day date not null,
  campaign_id text not null,
  adgroup_id text not null,
  spend numeric(20, 3),
  impressions bigint,
  clicks bigint,
  reach bigint,
  conversions bigint,
  results bigint,
  video_plays bigint,
  video_watched_2s bigint,
  video_watched_6s bigint,
  video_views_p25 bigint,
  video_views_p50 bigint,
  video_views_p75 bigint,
  video_views_p100 bigint,
  likes bigint,
  comments bigint,
  shares bigint,
  follows bigint,
  profile_visits bigint,
  synced_at timestamptz not null,
  primary key (workspace_id, advertiser_id, ad_id, day)
) partition by range (day);
-- A campaign's ad groups and ads over a range (the breakdown's drill-down).
create index tiktok_report_ad_days_campaign_idx
  on tiktok_report_ad_days (workspace_id, advertiser_id, campaign_id, day);

-- One row per campaign and hour ("YYYY-MM-DD HH" in the account's zone, as TikTok labels it): the
-- hourly chart of an account or a campaign. Ad groups and ads are not read by the hour: it would
-- take TikTok 24 times the calls of their days for a view nobody drills into by the hour.
create table tiktok_report_campaign_hours (
  workspace_id uuid not null,
  advertiser_id text not null,
  campaign_id text not null,
  day date not null,
  hour smallint not null check (hour between 0 and 23),
  spend numeric(20, 3),
  impressions bigint,
  clicks bigint,
  conversions bigint,
  results bigint,
  synced_at timestamptz not null,
  primary key (workspace_id, advertiser_id, campaign_id, day, hour)
) partition by range (day);

-- Rollups of the ad days, per campaign and per account, rewritten for the days a sync touched.
create table tiktok_report_campaign_days (
  workspace_id uuid not null,
  advertiser_id text not null,
  campaign_id text not null,
  day date not null,
  spend numeric(20, 3),
  impressions bigint,
  clicks bigint,
  conversions bigint,
  results bigint,
  video_plays bigint,
  video_watched_2s bigint,
  video_watched_6s bigint,
  video_views_p25 bigint,
  video_views_p50 bigint,
  video_views_p75 bigint,
  video_views_p100 bigint,
  likes bigint,
  comments bigint,
  shares bigint,
  follows bigint,
  profile_visits bigint,
  primary key (workspace_id, advertiser_id, campaign_id, day)
) partition by range (day);

create table tiktok_report_account_days (
  workspace_id uuid not null,
  advertiser_id text not null,
  day date not null,
  spend numeric(20, 3),
  impressions bigint,
  clicks bigint,
  conversions bigint,
  results bigint,
  video_plays bigint,
  video_watched_2s bigint,
  video_watched_6s bigint,
  video_views_p25 bigint,
  video_views_p50 bigint,
  video_views_p75 bigint,
  video_views_p100 bigint,
  likes bigint,
  comments bigint,
  shares bigint,
  follows bigint,
  profile_visits bigint,
  primary key (workspace_id, advertiser_id, day)
) partition by range (day);

-- Creates the month partitions of every report table for the months from `first_month` to
-- `last_month` that do not exist yet. Two processes may race to create one: the loser's error is
-- swallowed, the partition exists either way.
create function tiktok_report_partitions(first_month date, last_month date) returns integer
language plpgsql as $$
declare
  month date := date_trunc('month', first_month)::date;
  parent text;
  created integer := 0;
begin
  while month <= last_month loop
    foreach parent in array array['tiktok_report_ad_days', 'tiktok_report_campaign_hours',
                                  'tiktok_report_campaign_days', 'tiktok_report_account_days'] loop
      if to_regclass(parent || '_' || to_char(month, 'YYYYMM')) is null then
        begin
          execute format('create table %I partition of %I for values from (%L) to (%L)',
                         parent || '_' || to_char(month, 'YYYYMM'), parent,
                         month, (month + interval '1 month')::date);
          created := created + 1;
        exception when duplicate_table then
          null;
        end;
      end if;
    end loop;
    month := (month + interval '1 month')::date;
  end loop;
  return created;
end;
$$;

-- This month and the next two. A daily job keeps creating months ahead; a sync creates any older
-- month its backfill reaches before writing to it.
select tiktok_report_partitions(current_date, (current_date + interval '2 months')::date);
