-- The Reports page's CSV exports while they run. A download claims a row when it starts and
-- deletes it when it ends, so the caps on exports running at once (report-export.service.ts) hold
-- across every app process on this database. A process that dies leaves its rows behind: their
-- heartbeat stops moving, they stop counting, and the expired-records job deletes them.
create table report_exports (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  started_at timestamptz not null,
  heartbeat_at timestamptz not null
);
create index report_exports_heartbeat_at_idx on report_exports (heartbeat_at);

-- An export's rows, summed once when it starts (summing the range is most of an export's cost),
-- then read in `position` order, a page at a time, as the download is read. Unlogged: rows that
-- live for one download need no crash safety (a crash empties the table, and the downloads it
-- served died with it), and writing them skips the write-ahead log.
create unlogged table report_export_rows (
  export_id uuid not null references report_exports (id) on delete cascade,
  position integer not null,
  fields jsonb not null,
  primary key (export_id, position)
);
