-- Ad days keyed campaign first, and no second index: each row written had two B-trees to place it
-- in (the key by ad, and a campaign index for drill-downs), at scattered places in both, and
-- that upkeep was most of a backfill's cost (`npm run bench -- report-ingest`). One key by
-- campaign, day and ad serves both: a drill-down into a campaign reads its run of the key, and a
-- page of one day's rows lands in one place per campaign. An ad never moves to another campaign at
-- TikTok, so the key is still one row per ad and day.
alter table tiktok_report_ad_days drop constraint tiktok_report_ad_days_pkey;
drop index tiktok_report_ad_days_campaign_idx;
alter table tiktok_report_ad_days
  add primary key (workspace_id, advertiser_id, campaign_id, day, ad_id);
