-- Password reset tokens, and one table for every throttle (log-in, sign-up, password reset).
-- Written for PostgreSQL 15 (the oldest server we support); PGlite (PostgreSQL 18) runs it too.

-- A reset token itself is never stored: only its keyed hash, as for sessions and invitations.
-- A row lives until the token is used (then it is deleted, with every other token of the user)
-- or until housekeeping removes it after it expired.
create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index password_resets_user_id_idx on password_resets (user_id);
create index password_resets_expires_at_idx on password_resets (expires_at);

-- Throttles now have windows of different lengths counted in one statement, so each row keeps
-- when its window ends rather than when it started. Counts live minutes; starting them afresh
-- loses nothing.
drop table login_throttles;
create table throttles (
  key text primary key,
  attempts integer not null,
  window_ends_at timestamptz not null
);
create index throttles_window_ends_at_idx on throttles (window_ends_at);

-- Sessions also end 30 days after they began, however often they are used. The expiry is the one
-- place that says when a session ends, so sessions begun before this limit get it here.
update sessions set expires_at = created_at + interval '30 days'
  where expires_at > created_at + interval '30 days';
