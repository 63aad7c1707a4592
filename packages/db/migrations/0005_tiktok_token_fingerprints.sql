-- A SHA-256 of each stored access token (never the token itself). TikTok may hand the same
-- long-term token to a user who authorizes the app again; the fingerprint tells that two
-- connections hold one token, so revoking it for one never silently ends the other. Rows stored
-- before this column have none and are compared by decrypting.

alter table tiktok_connections add column token_fingerprint text;
create index tiktok_connections_token_fingerprint_idx
  on tiktok_connections (token_fingerprint)
  where token_fingerprint is not null;
