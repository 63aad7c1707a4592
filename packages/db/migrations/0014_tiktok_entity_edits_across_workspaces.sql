-- An edit's claim on a campaign or ad group holds across workspaces (issue 11): two workspaces
-- can share an ad account (an agency's and its client's), and the row they edit is the same one at
-- TikTok, so a claim keyed by workspace let two edits compare it before either wrote. Claims last
-- seconds; any held while this runs are dropped rather than merged.
delete from tiktok_entity_edits;
alter table tiktok_entity_edits drop constraint tiktok_entity_edits_pkey;
alter table tiktok_entity_edits add primary key (advertiser_id, level, entity_id);
