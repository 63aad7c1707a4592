-- The Campaigns table's two usual orders as indexes (campaign-table benchmark). The table sorts by
-- an expression with no NULLs and breaks ties by account and id (campaign-table.repository.ts), so
-- 0009's index on the bare `modified_at` could serve no page: each page sorted every row of the
-- level (100,000 ads: about 100 ms, spilled to disk). Read in index order, a page stops after its
-- rows, whatever the filter, and the next page's cursor is a range of the same index.

drop index tiktok_entities_modified_idx;

-- Newest change first (the default view), and oldest first read backwards.
create index tiktok_entities_modified_order_idx
  on tiktok_entities (workspace_id, level, (coalesce(modified_at, 'epoch'::timestamptz)) desc,
    advertiser_id desc, entity_id desc);

-- By name, A to Z and Z to A.
create index tiktok_entities_name_order_idx
  on tiktok_entities (workspace_id, level, (lower(name)), advertiser_id, entity_id);

-- One ad account, newest change first: the page opens on the workspace's default account.
create index tiktok_entities_account_modified_idx
  on tiktok_entities (workspace_id, advertiser_id, level,
    (coalesce(modified_at, 'epoch'::timestamptz)) desc, entity_id desc);
