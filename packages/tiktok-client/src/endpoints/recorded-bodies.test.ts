import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collect } from '../pagination/iterate-pages.js';
import { createRecordedFetch } from '../test-support/test-fetch.js';
import { canaryToken, createTestClient } from '../test-support/test-client.js';
import {
  advertiserInfo,
  appsWithSurprises,
  audiencesWithSurprises,
  businessCenterAssetsWithSurprises,
  campaignsWithSurprises,
  emptyPage,
  identitiesWithSurprises,
  imageUploaded,
  pixelsWithSurprises,
  regionsWithSurprises,
  reportWithDashes,
  tokenWithLargeScopes,
  videoUploaded,
} from './fixtures/recorded-bodies.js';

const advertiserId = '7001035076276387841';
const clientAnswering = (...bodies: string[]) =>
  createTestClient({ fetch: createRecordedFetch(bodies).fetch });

test('report metrics: strings kept exact, "-" and null become null, an id dimension stays exact', async () => {
  const { client, time } = clientAnswering(reportWithDashes);
  const rows = await time.run(() =>
    collect(
      client.reports.listIntegratedRows({
        accessToken: canaryToken,
        advertiserId,
        dataLevel: 'AUCTION_CAMPAIGN',
        dimensions: ['campaign_id', 'stat_time_day'],
        metrics: ['spend', 'conversion'],
        startDate: '2021-10-19',
        endDate: '2021-10-20',
      }),
    ),
  );
  assert.equal(rows.length, 2);
  assert.equal(rows[0]?.metrics.spend, '20.000');
  assert.equal(rows[0]?.metrics.conversion, null);
  assert.equal(rows[0]?.metrics.campaign_name, 'Spring');
  assert.equal(rows[1]?.dimensions.campaign_id, '9223372036854775807');
  assert.equal(rows[1]?.metrics.reach, null);
});

test('report rows: a number becomes its text, a nested value fails the page with where it was', async () => {
  const page = (metrics: string) =>
    `{"code":0,"message":"OK","request_id":"x","data":{"list":[{"dimensions":{"ad_id":"1","stat_time_day":"2021-10-19 00:00:00"},"metrics":${metrics}}],"page_info":{"page":1,"page_size":1000,"total_number":1,"total_page":1}}}`;
  const input = {
    accessToken: canaryToken,
    advertiserId,
    dataLevel: 'AUCTION_AD' as const,
    dimensions: ['ad_id', 'stat_time_day'],
    metrics: ['spend', 'clicks'],
  };
  const numbers = clientAnswering(page('{"spend":20.5,"clicks":65,"likes":false}'));
  const rows = await numbers.time.run(() => collect(numbers.client.reports.listIntegratedRows(input)));
  assert.deepEqual(rows[0]?.metrics, { spend: '20.5', clicks: '65', likes: 'false' });
  assert.deepEqual(rows[0]?.dimensions, { ad_id: '1', stat_time_day: '2021-10-19 00:00:00' });

  const nested = clientAnswering(page('{"spend":{"value":"20.000"}}'));
  await assert.rejects(
    nested.time.run(() => collect(nested.client.reports.listIntegratedRows(input))),
    (error: Error) =>
      /list\.0\.metrics/.test(error.message) && /metrics\.spend is not a text/.test(error.message),
  );
});

test('token exchange: scope ids above 2^53 survive exactly; an empty account list is fine', async () => {
  const { client, time } = clientAnswering(tokenWithLargeScopes);
  const token = await time.run(() => client.oauth.exchangeAuthorizationCode({ authCode: 'code' }));
  assert.deepEqual(token.scope, [
    '4',
    '10',
    '100',
    '7153155400966176769',
    '7133464587805982722',
    '7294180478502830081',
  ]);
  assert.deepEqual(token.advertiserIds, []);
  assert.equal(token.refreshToken, undefined);
});

test('campaigns: unknown enum values kept, missing and null fields tolerated, ids up to 2^63−1 exact', async () => {
  const { client, time } = clientAnswering(campaignsWithSurprises);
  const page = await time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId }));
  const [first, second] = page.items;
  assert.equal(first?.campaignId, '9223372036854775807');
  assert.equal(first?.advertiserId, '7001035076276387841');
  assert.equal(first?.objectiveType, 'BRAND_NEW_OBJECTIVE_2027');
  assert.equal(first?.budgetMode, 'BUDGET_MODE_WEEKLY');
  assert.equal(first?.operationStatus, 'FROZEN_FOREVER');
  assert.equal(first?.modifyTime, undefined);
  assert.deepEqual(second, {
    campaignId: '1714125042508817',
    advertiserId: undefined,
    name: '',
    objectiveType: undefined,
    budgetMode: undefined,
    budget: undefined,
    budgetOptimizeOn: undefined,
    operationStatus: undefined,
    secondaryStatus: undefined,
    createTime: undefined,
    modifyTime: undefined,
  });
});

test('empty lists: a page with nothing ends the iteration at once', async () => {
  const { client, time } = clientAnswering(emptyPage);
  assert.deepEqual(
    await time.run(() => collect(client.ads.list({ accessToken: canaryToken, advertiserId }))),
    [],
  );
});

test('advertiser info: numeric ids become strings, create_time stays Unix seconds', async () => {
  const { client, time } = clientAnswering(advertiserInfo);
  const [acme, legacy] = await time.run(() =>
    client.advertisers.getInfo({
      accessToken: canaryToken,
      advertiserIds: [advertiserId, '7200000000000000014'],
    }),
  );
  assert.equal(acme?.role, 'ROLE_CHILD_ADVERTISER');
  assert.equal(acme?.createTimeSeconds, undefined);
  assert.equal(legacy?.advertiserId, '7200000000000000014');
  assert.equal(legacy?.ownerBcId, '7100000000000000001');
  assert.equal(legacy?.createTimeSeconds, 1637043600);
  assert.equal(legacy?.status, 'STATUS_LIMIT');
});

test('business center assets: ad_creation_eligible read leniently, unknown roles kept, relation_type exposed', async () => {
  const { client, time } = clientAnswering(businessCenterAssetsWithSurprises);
  const page = await time.run(() =>
    client.businessCenters.getAssets({
      accessToken: canaryToken,
      bcId: '7100000000000000001',
      assetType: 'ADVERTISER',
    }),
  );
  assert.deepEqual(
    page.items.map((asset) => [asset.assetId, asset.adCreationEligible]),
    [
      ['7100000000000000201', 'available'],
      ['7100000000000000202', 'not_available'],
      ['7200000000000000011', 'available'],
      ['7200000000000000012', 'not_available'],
      ['7200000000000000013', undefined],
      ['7200000000000000014', undefined],
      ['7100000000000000203', 'unknown'],
      ['7100000000000000204', 'unknown'],
      ['7100000000000000205', 'unknown'],
    ],
  );
  const [, , acmeUs, acmeEu, acmeApac, acmeLegacy] = page.items;
  assert.equal(acmeUs?.advertiserRole, 'ADMIN');
  assert.equal(acmeUs?.relationType, 'OWNER_BC');
  assert.equal(acmeEu?.advertiserRole, 'ANALYST');
  assert.equal(acmeEu?.relationType, undefined);
  assert.equal(acmeApac?.advertiserRole, 'CAMPAIGN_VIEWER_2027');
  assert.equal(acmeApac?.relationType, 'OWNER_SOMEONE_NEW');
  assert.equal(acmeLegacy?.relationType, 'OWNER_INDIVIDUAL');
  assert.equal(acmeLegacy?.assetName, '');
});

test('uploads: the video answer is an array, the image answer an object', async () => {
  const { client, time } = clientAnswering(videoUploaded, imageUploaded);
  const file = { bytes: new Uint8Array([1, 2, 3]), fileName: 'clip.mp4' };
  const video = await time.run(() => client.videos.upload({ accessToken: canaryToken, advertiserId, file }));
  assert.equal(video.videoId, 'v10033g50000c90q1d3c77ub6e96fvo0');
  assert.equal(video.materialId, '7298765432109876543');
  assert.equal(video.coverUrl, undefined);
  const image = await time.run(() =>
    client.images.upload({ accessToken: canaryToken, advertiserId, url: 'https://example.com/a.jpg' }),
  );
  assert.equal(image.imageId, 'ad-site-i18n-sg/202110195d0db51e12a222ee4334a396');
});

test('batching: 250 advertiser ids go out as 100 + 100 + 50; 45 status changes as 20 + 20 + 5', async () => {
  const answer = `{"code":0,"message":"OK","request_id":"x","data":{"list":[]}}`;
  const recorded = createRecordedFetch([answer]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const ids = Array.from({ length: 250 }, (_, index) => String(7_200_000_000_000_000_000n + BigInt(index)));
  await time.run(() => client.advertisers.getInfo({ accessToken: canaryToken, advertiserIds: ids }));
  const sizes = recorded.requests.map(
    (request) => JSON.parse(request.url.searchParams.get('advertiser_ids') ?? '[]').length,
  );
  assert.deepEqual(sizes, [100, 100, 50]);

  const statusAnswer = `{"code":0,"message":"OK","request_id":"x","data":{"campaign_ids":[],"status":"DISABLE"}}`;
  const statusFetch = createRecordedFetch([statusAnswer]);
  const status = createTestClient({ fetch: statusFetch.fetch });
  await status.time.run(() =>
    status.client.campaigns.updateStatus({
      accessToken: canaryToken,
      advertiserId,
      campaignIds: ids.slice(0, 45),
      operationStatus: 'DISABLE',
    }),
  );
  assert.deepEqual(
    statusFetch.requests.map((request) => JSON.parse(request.body).campaign_ids.length),
    [20, 20, 5],
  );
});

test('the authorization callback accepts auth_code or code, and refuses two different codes', async () => {
  const { client } = clientAnswering(emptyPage);
  assert.deepEqual(client.oauth.readAuthorizationCallback({ code: 'abc', state: 's' }), {
    outcome: 'authorized',
    authCode: 'abc',
    state: 's',
  });
  assert.equal(client.oauth.readAuthorizationCallback({ auth_code: 'a', code: 'b' }).outcome, 'invalid');
  const url = new URL(
    client.oauth.buildAuthorizationUrl({ redirectUri: 'http://localhost:3000/cb', state: 'xyz' }),
  );
  assert.equal(url.origin + url.pathname, 'https://business-api.tiktok.com/portal/auth');
  assert.equal(url.searchParams.get('redirect_uri'), 'http://localhost:3000/cb');
});

test('regions: parent 0 means none, numeric ids become strings, unknown levels kept, the query JSON-encoded', async () => {
  const recorded = createRecordedFetch([regionsWithSurprises]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const regions = await time.run(() =>
    client.regions.get({
      accessToken: canaryToken,
      advertiserId,
      placements: ['PLACEMENT_TIKTOK'],
      objectiveType: 'TRAFFIC',
      levelRange: 'TO_PROVINCE',
    }),
  );
  assert.deepEqual(
    regions.map((region) => [region.locationId, region.parentId, region.level, region.nextLevelIds]),
    [
      ['6252001', undefined, 'COUNTRY', ['5332921']],
      ['1861060', undefined, 'COUNTRY', []],
      ['5332921', '6252001', 'PROVINCE', []],
      ['99000001', '6252001', 'METRO_2027', []],
    ],
  );
  assert.equal(regions[3]?.areaType, 'METROPOLITAN_OR_DMA');
  assert.equal(regions[3]?.regionCode, undefined);
  const query = recorded.requests[0]!.url.searchParams;
  assert.equal(query.get('placements'), '["PLACEMENT_TIKTOK"]');
  assert.deepEqual(
    [query.get('objective_type'), query.get('level_range'), query.has('language')],
    ['TRAFFIC', 'TO_PROVINCE', false],
  );
});

test('identities: identity_list read as a page, empty avatars absent, unknown types and statuses kept', async () => {
  const recorded = createRecordedFetch([identitiesWithSurprises]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const identities = await time.run(() =>
    collect(client.identities.list({ accessToken: canaryToken, advertiserId, keyword: 'Acme' })),
  );
  assert.deepEqual(
    identities.map((identity) => [identity.identityId, identity.identityType, identity.displayName]),
    [
      ['7300000000000000101', 'CUSTOMIZED_USER', 'Acme'],
      ['7300000000000000102', 'TT_USER', 'Acme on TikTok'],
      ['7300000000000000103', 'BC_AUTH_TT', 'Creator'],
      ['7300000000000000104', 'TTS_TT', ''],
    ],
  );
  assert.equal(identities[0]?.profileImageUrl, undefined);
  assert.equal(identities[1]?.canPullVideo, true);
  assert.equal(identities[2]?.identityAuthorizedBcId, '7100000000000000001');
  assert.equal(identities[2]?.availableStatus, 'SUSPENDED_2027');
  const query = recorded.requests[0]!.url.searchParams;
  assert.deepEqual([query.get('filtering'), query.get('page_size')], ['{"keyword":"Acme"}', '100']);
});

test('pixels: `pixels` read as a page; events without an optimisation event or an id tolerated', async () => {
  const { client, time } = clientAnswering(pixelsWithSurprises);
  const page = await time.run(() => client.pixels.get({ accessToken: canaryToken, advertiserId }));
  const [shop, bare] = page.items;
  assert.equal(shop?.pixelCode, 'CBV3E6BC77U8MGOD4SIG');
  assert.deepEqual(
    shop?.events.map((event) => [event.eventId, event.optimizationEvent, event.deprecated]),
    [
      ['7012345678901234570', undefined, false],
      ['7012345678901234571', 'SHOPPING', false],
      [undefined, 'ON_WEB_ORDER', true],
      [undefined, undefined, false],
    ],
  );
  assert.equal(shop?.events[3]?.customEventType, 'SHOPPING_SPREE');
  assert.deepEqual([bare?.pixelId, bare?.name, bare?.events], ['7012345678901234568', '', []]);
  assert.equal(page.pageInfo.totalNumber, 2);
});

test('audiences: sizes as text or numbers, either id spelling, unknown kinds kept, filter sent as JSON', async () => {
  const recorded = createRecordedFetch([audiencesWithSurprises]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const page = await time.run(() =>
    client.audiences.get({ accessToken: canaryToken, advertiserId, audienceIds: ['7400000000000000001'] }),
  );
  assert.deepEqual(
    page.items.map((audience) => [audience.audienceId, audience.name, audience.size, audience.isValid]),
    [
      ['7400000000000000001', 'Buyers 2026', 48_200, true],
      ['7400000000000000002', 'Site visitors', 126_500, true],
      ['7400000000000000003', 'Video viewers', undefined, false],
      ['7400000000000000004', '', undefined, undefined],
    ],
  );
  assert.deepEqual(
    [page.items[0]?.isExpiring, page.items[0]?.expiredTime, page.items[1]?.isExpiring],
    [true, '2026-12-31 10:00:00', false],
  );
  assert.deepEqual(
    [page.items[3]?.audienceType, page.items[3]?.subType],
    ['Hologram Audience 2027', 'REACH_FREQUENCY'],
  );
  const query = recorded.requests[0]!.url.searchParams;
  assert.deepEqual(
    [query.get('custom_audience_ids'), query.get('page_size')],
    ['["7400000000000000001"]', '100'],
  );
});

test('apps: one unpaged list; unknown platforms kept, an empty icon absent', async () => {
  const recorded = createRecordedFetch([appsWithSurprises]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const apps = await time.run(() =>
    client.apps.get({ accessToken: canaryToken, advertiserId, appPlatformIds: ['com.acme.app'] }),
  );
  assert.deepEqual(
    apps.map((app) => [app.appId, app.name, app.platform, app.iconUrl]),
    [
      ['7212345678901234567', 'Acme', 'ANDROID', undefined],
      ['7212345678901234568', '', 'HARMONY_2027', undefined],
    ],
  );
  assert.equal(recorded.requests[0]!.url.searchParams.get('app_platform_ids'), '["com.acme.app"]');
});
