-- The creative library (issue 13): TikTok's images and videos per ad account, mirrored; the
-- originals we hold, by content; and each upload of one original to one ad account.

-- Where each ad account's library mirror stands, as tiktok_mirror_accounts does for campaigns.
create table tiktok_media_accounts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  state text not null default 'queued'
    check (state in ('queued', 'importing', 'ready', 'failed', 'stopped')),
  images integer not null default 0,
  videos integer not null default 0,
  last_synced_at timestamptz,
  last_attempt_at timestamptz,
  -- Why the last pass failed, in words a marketer reads.
  error text,
  primary key (workspace_id, advertiser_id)
);

-- One row per image or video in an ad account's TikTok library, as TikTok last listed it. Ids are
-- text: image ids are path-like, material ids 19 digits.
create table tiktok_media (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  kind text not null check (kind in ('image', 'video')),
  -- image_id or video_id.
  media_id text not null,
  material_id text,
  file_name text,
  -- TikTok's signature: the file's MD5, lower-case hex. What finds the same bytes already there.
  signature text,
  format text,
  width integer,
  height integer,
  bytes bigint,
  duration_seconds double precision,
  -- image_url, or a video's preview_url; a video's cover. TikTok's preview links expire.
  url text,
  cover_url text,
  url_expires_at timestamptz,
  -- False while a video transcodes: it cannot go into an ad yet (TikTok's 40901).
  displayable boolean,
  tiktok_created_at timestamptz,
  synced_at timestamptz not null,
  primary key (workspace_id, advertiser_id, kind, media_id)
);
create index tiktok_media_signature_idx on tiktok_media (workspace_id, advertiser_id, signature);
-- The library's default view: newest first.
create index tiktok_media_newest_idx
  on tiktok_media (workspace_id, advertiser_id, tiktok_created_at desc, media_id);

-- An original we hold, once per workspace however many accounts it goes to, stored under
-- MEDIA_DIR by its SHA-256. The facts are what the inspection read from its content.
create table media_files (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  md5 text not null check (md5 ~ '^[0-9a-f]{32}$'),
  kind text not null check (kind in ('image', 'video')),
  format text not null,
  bytes bigint not null check (bytes > 0),
  width integer,
  height integer,
  duration_seconds double precision,
  -- The name it was first uploaded under.
  file_name text not null,
  created_at timestamptz not null,
  -- Originals unused for the retention setting's days are purged from disk and from here.
  last_used_at timestamptz not null,
  primary key (workspace_id, sha256)
);

-- One original to one ad account, within a batch the person confirmed. `reused`: the account's
-- library had the same bytes already (by our record or TikTok's signature), so nothing went up.
create table media_uploads (
  id uuid primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  batch_id uuid not null,
  sha256 text not null,
  advertiser_id text not null,
  file_name text not null,
  state text not null default 'queued'
    check (state in ('queued', 'uploading', 'processing', 'ready', 'failed')),
  bytes_sent bigint not null default 0,
  media_id text,
  reused boolean not null default false,
  -- Why it failed: TikTok's code (or ours) and the words shown beside the file.
  error_code text,
  error_message text,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  foreign key (workspace_id, sha256) references media_files (workspace_id, sha256),
  unique (workspace_id, batch_id, sha256, advertiser_id)
);
create index media_uploads_batch_idx on media_uploads (workspace_id, batch_id);
-- A restart finds what was left mid-way (queued, uploading or processing).
create index media_uploads_unfinished_idx on media_uploads (state, updated_at)
  where state in ('queued', 'uploading', 'processing');

