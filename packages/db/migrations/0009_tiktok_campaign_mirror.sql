-- The campaign mirror (issue 11): every campaign, ad group and ad of a workspace's TikTok ad
-- accounts, as TikTok last answered, for the Campaigns page to filter, sort and page through
-- without a TikTok call. Ids are text: TikTok's are 19 digits, beyond 2^53.

-- Where each ad account's mirror stands. A row outlives the account's selection: the mirrored
-- rows stay readable, and `state` says the account no longer syncs.
create table tiktok_mirror_accounts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  state text not null default 'queued'
    check (state in ('queued', 'importing', 'ready', 'failed', 'stopped')),
  campaigns integer not null default 0,
  ad_groups integer not null default 0,
  ads integer not null default 0,
  -- The newest `modify_time` of an ad seen, as TikTok writes it ("YYYY-MM-DD HH:MM:SS", UTC):
  -- the next pass asks only for ads modified after it.
  ads_modified_through text,
  first_imported_at timestamptz,
  last_synced_at timestamptz,
  last_attempt_at timestamptz,
  -- Why the last pass failed, in words a marketer reads.
  error text,
  primary key (workspace_id, advertiser_id)
);

-- One row per campaign, ad group or ad: the columns the table filters and sorts on, and TikTok's
-- whole object in `raw`, so nothing TikTok said is lost.
create table tiktok_entities (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  level text not null check (level in ('campaign', 'adgroup', 'ad')),
  entity_id text not null,
  campaign_id text not null,
  adgroup_id text,
  name text not null,
  operation_status text not null,
  secondary_status text,
  -- What the delivery comes to (active, paused, not_delivering, scheduled, completed, deleted),
  -- worked out from the statuses when the row is written, for the status filter.
  delivery text not null,
  objective text,
  budget_mode text,
  budget numeric,
  bid_strategy text,
  bid numeric,
  optimization_goal text,
  placements text[] not null default '{}',
  schedule_start timestamptz,
  schedule_end timestamptz,
  targeting text,
  creative text,
  -- TikTok's own create and modify times.
  created_at timestamptz,
  modified_at timestamptz,
  raw jsonb not null,
  synced_at timestamptz not null,
  primary key (workspace_id, advertiser_id, level, entity_id)
);

-- The table's default view: newest change first, page after page.
create index tiktok_entities_modified_idx
  on tiktok_entities (workspace_id, level, modified_at desc, entity_id);
-- Ad groups and ads of chosen campaigns, and a campaign's name for its children.
create index tiktok_entities_campaign_idx
  on tiktok_entities (workspace_id, campaign_id, level);
