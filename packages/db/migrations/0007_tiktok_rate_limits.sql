-- One TikTok rate budget for every process on this database (issue 10). Written for PostgreSQL 15.

-- A calendar window of one budget: the calls counted in it so far. Times are Unix milliseconds.
create table tiktok_rate_windows (
  key text not null,
  window_ms bigint not null,
  window_start bigint not null,
  count integer not null,
  primary key (key, window_ms)
);

-- TikTok said a budget is spent (40100, 40133…): nothing under `key` is sent before `until_ms`.
create table tiktok_rate_pauses (
  key text primary key,
  until_ms bigint not null
);
