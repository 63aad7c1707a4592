import type { Database } from '@whathead/db';

/** How much each ad account of the seeded mirror holds. */
export interface MirrorShape {
  campaignsPerAccount: number;
  adGroupsPerAccount: number;
  adsPerAccount: number;
}

// Words the names are made of; `unboxing` starts one ad name in ten (the search view's word).
const words = {
  themes: ['Spring Sale', 'Summer Drop', 'Back to School', 'Black Friday', 'Holiday Gifting', 'New Arrivals'],
  markets: ['US', 'CA', 'UK', 'DE', 'FR', 'AU', 'BR', 'MX'],
  funnels: ['Prospecting', 'Retargeting', 'Lookalike', 'Broad', 'Interest stack'],
  audiences: ['Women 18–24', 'Women 25–34', 'Men 25–34', 'Adults 35–54', 'Parents', 'Gamers', 'Foodies'],
  concepts: [
    'Unboxing',
    'UGC testimonial',
    'Product demo',
    'Founder story',
    'How-to',
    'Before and after',
    'Limited offer',
    'Behind the scenes',
    'Creator collab',
    'Customer review',
  ],
  texts: ['Shop the new collection today', 'Free shipping on every order', 'Your new favourite is here'],
};

/**
 * `pick(list, salt)`: a word drawn by the row's id, so every run writes the same mirror.
 * `bucket(salt)`: 0–99 by the row's id, for shares of statuses.
 */
const pick = (list: string, salt: string) =>
  `(${list})[1 + mod(abs(hashtext(${salt} || id)), cardinality(${list}))]`;
const bucket = (salt: string) => `mod(abs(hashtext('${salt}' || id)), 100)`;

/** A level's statuses by share (cumulative percent, operation status, secondary status, delivery). */
type StatusShares = [number, string, string, string][];

/**
 * Each level's rows as TikTok's statuses would leave them: mostly delivering, some paused, some
 * held by a parent or a budget, finished, scheduled or deleted (the shares a busy account shows).
 */
const statusShares: Record<'campaign' | 'adgroup' | 'ad', StatusShares> = {
  campaign: [
    [60, 'ENABLE', 'CAMPAIGN_STATUS_ENABLE', 'active'],
    [80, 'DISABLE', 'CAMPAIGN_STATUS_DISABLE', 'paused'],
    [92, 'ENABLE', 'CAMPAIGN_STATUS_BUDGET_EXCEED', 'not_delivering'],
  ],
  adgroup: [
    [55, 'ENABLE', 'ADGROUP_STATUS_DELIVERY_OK', 'active'],
    [70, 'DISABLE', 'ADGROUP_STATUS_DISABLE', 'paused'],
    [82, 'ENABLE', 'ADGROUP_STATUS_CAMPAIGN_DISABLE', 'not_delivering'],
    [90, 'ENABLE', 'ADGROUP_STATUS_TIME_DONE', 'completed'],
    [93, 'ENABLE', 'ADGROUP_STATUS_NOT_START', 'scheduled'],
  ],
  ad: [
    [55, 'ENABLE', 'AD_STATUS_DELIVERY_OK', 'active'],
    [70, 'DISABLE', 'AD_STATUS_DISABLE', 'paused'],
    [80, 'ENABLE', 'AD_STATUS_CAMPAIGN_DISABLE', 'not_delivering'],
    [86, 'ENABLE', 'AD_STATUS_ADGROUP_DISABLE', 'not_delivering'],
    [92, 'ENABLE', 'AD_STATUS_DONE', 'completed'],
    [93, 'ENABLE', 'AD_STATUS_NOT_START', 'scheduled'],
  ],
};

/** `array[operation status, secondary status, delivery]` for a row; the rest of the shares are deleted. */
function statusesOf(level: keyof typeof statusShares): string {
  const deleted = `array['DELETE', '${level.toUpperCase()}_STATUS_DELETE', 'deleted']`;
  const cases = statusShares[level].map(
    ([below, operation, secondary, delivery]) =>
      `when ${bucket('s')} < ${below} then array['${operation}', '${secondary}', '${delivery}']`,
  );
  return `case ${cases.join(' ')} else ${deleted} end`;
}

/**
 * A 16-digit TikTok-like id: a bijection of (account, number), so ids look scattered but never
 * repeat. SQL over a bigint `account` (the account's place in the list, from 1) and `number`.
 */
export const idOf = (levelDigit: number, number: string) =>
  `'1${levelDigit}' || lpad((((account * 10000000 + ${number}) * 982451653) % 100000000000000)::text, 14, '0')`;

/**
 * Fills one workspace's mirror straight in SQL, as the sync would have left it after importing
 * `advertiserIds`: campaigns, their ad groups and their ads with names, statuses, budgets, TikTok
 * create and modify times over the last year, and TikTok's object in `raw` (about the size the
 * sync stores).
 */
export async function seedMirror(
  database: Database,
  workspaceId: string,
  advertiserIds: readonly string[],
  shape: MirrorShape,
): Promise<void> {
  const lists = Object.fromEntries(
    Object.entries(words).map(([name, list]) => [
      name,
      `array[${list.map((word) => `'${word}'`).join(', ')}]`,
    ]),
  ) as Record<keyof typeof words, string>;
  /**
   * The level's rows, numbered 1… within each account, each with its id, TikTok create time (in the
   * last year), modify time (between then and now) and statuses; then the insert's column list.
   */
  const source = (level: keyof typeof statusShares, levelDigit: number, count: number) => `
    with numbered as (
      select account, advertiser_id, number, ${idOf(levelDigit, 'number')} as id,
        now() - make_interval(secs => mod(abs(hashtext('c' || account || '.' || number)), 365 * 86400)) as created
      from unnest($2::text[]) with ordinality as accounts(advertiser_id, account),
        generate_series(1, ${count}) as number
    ), source as (
      select *, created + (now() - created) * (${bucket('m')} / 100.0) as modified, ${statusesOf(level)} as statuses
      from numbered
    )
    insert into tiktok_entities (workspace_id, advertiser_id, level, entity_id, campaign_id, adgroup_id, name,
      operation_status, secondary_status, delivery, objective, budget_mode, budget, bid_strategy, bid,
      optimization_goal, placements, targeting, creative, created_at, modified_at, raw, synced_at)`;
  const campaignOf = (number: string) => idOf(1, number);
  const adGroupOf = (number: string) => idOf(2, number);
  const time = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')`;
  const objective = `(array['TRAFFIC', 'WEB_CONVERSIONS', 'REACH', 'VIDEO_VIEWS', 'LEAD_GENERATION'])[1 + ${bucket('o')} % 5]`;
  await database.executeSql(
    `${source('campaign', 1, shape.campaignsPerAccount)}
    select $1::uuid, advertiser_id, 'campaign', id, id, null,
      ${pick(lists.themes, "'t'")} || ' ' || (2025 + mod(number, 2)) || ' – ' || ${pick(lists.markets, "'k'")} || ' – ' || ${pick(lists.funnels, "'f'")} || ' #' || number,
      statuses[1], statuses[2], statuses[3], ${objective},
      'BUDGET_MODE_DAY', 50 + ${bucket('b')} * 20, null, null, null, '{}', null, null, created, modified,
      jsonb_build_object('advertiser_id', advertiser_id, 'campaign_id', id, 'objective_type', ${objective},
        'campaign_type', 'REGULAR_CAMPAIGN', 'budget_mode', 'BUDGET_MODE_DAY', 'budget', 50 + ${bucket('b')} * 20,
        'budget_optimize_on', false, 'operation_status', statuses[1], 'secondary_status', statuses[2],
        'special_industries', '[]'::jsonb, 'is_new_structure', true, 'is_smart_performance_campaign', false,
        'is_search_campaign', false, 'po_number', null, 'create_time', ${time('created')}, 'modify_time', ${time('modified')}),
      now()
    from source`,
    [workspaceId, advertiserIds],
  );
  const groupsPerCampaign = shape.adGroupsPerAccount / shape.campaignsPerAccount;
  await database.executeSql(
    `${source('adgroup', 2, shape.adGroupsPerAccount)}
    select $1::uuid, advertiser_id, 'adgroup', id, ${campaignOf(`(1 + floor((number - 1) / ${groupsPerCampaign}))::int`)}, id,
      ${pick(lists.audiences, "'a'")} || ' · ' || ${pick(lists.markets, "'k'")} || ' · ' || (case when ${bucket('p')} < 70 then 'Auto placement' else 'TikTok only' end) || ' #' || number,
      statuses[1], statuses[2], statuses[3], null, 'BUDGET_MODE_DAY', 20 + ${bucket('b')} * 5,
      'BID_TYPE_NO_BID', 0, 'CLICK', case when ${bucket('p')} < 70 then '{AUTOMATIC}'::text[] else '{PLACEMENT_TIKTOK}' end,
      '1 location · ages 25–34 · all genders', null, created, modified,
      jsonb_build_object('advertiser_id', advertiser_id, 'adgroup_id', id, 'adgroup_name', 'a', 'operation_status', statuses[1],
        'secondary_status', statuses[2], 'placement_type', 'PLACEMENT_TYPE_AUTOMATIC', 'promotion_type', 'WEBSITE',
        'location_ids', '["6252001"]'::jsonb, 'age_groups', '["AGE_25_34"]'::jsonb, 'gender', 'GENDER_UNLIMITED',
        'budget_mode', 'BUDGET_MODE_DAY', 'budget', 20 + ${bucket('b')} * 5, 'schedule_type', 'SCHEDULE_FROM_NOW',
        'schedule_start_time', ${time('created')}, 'optimization_goal', 'CLICK', 'billing_event', 'CPC',
        'bid_type', 'BID_TYPE_NO_BID', 'pacing', 'PACING_MODE_SMOOTH', 'bid_display_mode', 'CPMV',
        'create_time', ${time('created')}, 'modify_time', ${time('modified')}),
      now()
    from source`,
    [workspaceId, advertiserIds],
  );
  const adsPerGroup = shape.adsPerAccount / shape.adGroupsPerAccount;
  const group = `(1 + floor((number - 1) / ${adsPerGroup}))::int`;
  await database.executeSql(
    `${source('ad', 3, shape.adsPerAccount)}
    select $1::uuid, advertiser_id, 'ad', id, ${campaignOf(`(1 + floor((${group} - 1) / ${groupsPerCampaign}))::int`)}, ${adGroupOf(group)},
      ${pick(lists.concepts, "'n'")} || ' – ' || (case when ${bucket('v')} < 85 then '15s video' else 'static' end) || ' v' || (1 + mod(number, 4)) || ' #' || number,
      statuses[1], statuses[2], statuses[3], null, null, null, null, null, null, '{}', null,
      'Video · “' || ${pick(lists.texts, "'x'")} || '” · shop now', created, modified,
      jsonb_build_object('advertiser_id', advertiser_id, 'ad_id', id, 'ad_format', 'SINGLE_VIDEO',
        'ad_text', ${pick(lists.texts, "'x'")}, 'video_id', 'v10033g50000' || md5(id), 'image_ids', jsonb_build_array('ad-site-i18n-sg/' || md5(id)),
        'call_to_action', 'SHOP_NOW', 'call_to_action_id', null, 'landing_page_url', 'https://example.com/shop',
        'display_name', 'Atlas Client', 'identity_type', 'CUSTOMIZED_USER', 'identity_id', advertiser_id,
        'avatar_icon_web_uri', null, 'operation_status', statuses[1], 'secondary_status', statuses[2], 'is_aco', false,
        'creative_authorized', false, 'deeplink_type', 'NORMAL', 'fallback_type', 'UNSET',
        'create_time', ${time('created')}, 'modify_time', ${time('modified')}),
      now()
    from source`,
    [workspaceId, advertiserIds],
  );
  // Each row carries its parents' names and objective, as the mirror's own writes leave them
  // (migration 0013). Statistics first: without them the join is planned as a loop over every row.
  await database.executeSql('analyze tiktok_entities');
  await database.executeSql(
    `update tiktok_entities child
    set campaign_name = campaign.name, campaign_objective = campaign.objective
    from tiktok_entities campaign
    where child.workspace_id = $1::uuid and child.level in ('adgroup', 'ad')
      and campaign.workspace_id = child.workspace_id and campaign.advertiser_id = child.advertiser_id
      and campaign.level = 'campaign' and campaign.entity_id = child.campaign_id`,
    [workspaceId],
  );
  await database.executeSql(
    `update tiktok_entities ad
    set adgroup_name = adgroup.name
    from tiktok_entities adgroup
    where ad.workspace_id = $1::uuid and ad.level = 'ad'
      and adgroup.workspace_id = ad.workspace_id and adgroup.advertiser_id = ad.advertiser_id
      and adgroup.level = 'adgroup' and adgroup.entity_id = ad.adgroup_id`,
    [workspaceId],
  );
}
