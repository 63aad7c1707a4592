-- The Campaigns table shows an ad group's or ad's campaign, and an ad's ad group, by name, and
-- filters ad groups and ads by their campaign's objective. Joining both parents on every page was
-- most of that page's work in PostgreSQL, planning included (campaign-table benchmark). The
-- mirror keeps them on the row instead: written with the row, and again on its children whenever
-- a campaign or ad group is written (TikTokMirrorRepository.upsertRows).
alter table tiktok_entities
  add column campaign_name text,
  add column campaign_objective text,
  add column adgroup_name text;

update tiktok_entities child
set campaign_name = campaign.name, campaign_objective = campaign.objective
from tiktok_entities campaign
where child.level in ('adgroup', 'ad')
  and campaign.workspace_id = child.workspace_id and campaign.advertiser_id = child.advertiser_id
  and campaign.level = 'campaign' and campaign.entity_id = child.campaign_id;

update tiktok_entities ad
set adgroup_name = adgroup.name
from tiktok_entities adgroup
where ad.level = 'ad'
  and adgroup.workspace_id = ad.workspace_id and adgroup.advertiser_id = ad.advertiser_id
  and adgroup.level = 'adgroup' and adgroup.entity_id = ad.adgroup_id;
