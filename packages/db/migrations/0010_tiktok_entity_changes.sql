-- What Whathead changed at TikTok on a campaign, ad group or ad (issue 11): who, which field,
-- before and after, and TikTok's request id, shown from the row in the Campaigns table.
create table tiktok_entity_changes (
  id uuid primary key default gen_random_uuid(),
  -- Orders changes written in the same instant.
  sequence bigint generated always as identity,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  level text not null check (level in ('campaign', 'adgroup', 'ad')),
  entity_id text not null,
  actor_user_id uuid references users (id) on delete set null,
  field text not null,
  before text,
  after text,
  tiktok_request_id text,
  occurred_at timestamptz not null default now()
);
create index tiktok_entity_changes_entity_idx
  on tiktok_entity_changes (workspace_id, advertiser_id, level, entity_id, occurred_at desc);
