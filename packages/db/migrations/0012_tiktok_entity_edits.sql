-- Edits of a campaign or ad group in progress (issue 11): two people saving the same row at once
-- would both compare it with TikTok before either wrote, and the second would overwrite the first
-- unseen. Each edit claims its row here for the length of its TikTok calls; a claim left by a
-- process that died lapses at `expires_at`.
create table tiktok_entity_edits (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  level text not null check (level in ('campaign', 'adgroup', 'ad')),
  entity_id text not null,
  expires_at timestamptz not null,
  primary key (workspace_id, advertiser_id, level, entity_id)
);
