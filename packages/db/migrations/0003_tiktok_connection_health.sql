-- What the connection health check learns: the outcome of the last check, and per ad account
-- whether the token still reaches it and whether it appeared since the user last reviewed the list.

alter table tiktok_connections
  add column last_check_result text
    check (last_check_result in ('ok', 'needs_attention', 'tiktok_unavailable'));

alter table tiktok_ad_accounts
  -- False once TikTok stops listing the account for this token (removed from the Business
  -- Center, or the user's access to it withdrawn); the row stays so the card can say so.
  add column accessible boolean not null default true,
  -- True for an account a health check found after the connection was made, until the user
  -- saves the account selection or reconnects.
  add column newly_available boolean not null default false,
  -- An account the token no longer reaches cannot stay the default.
  add constraint tiktok_ad_accounts_default_accessible check (accessible or not is_default);

-- The key-rotation job looks for rows sealed with an older key; the existing index on
-- token_key_id serves it.
