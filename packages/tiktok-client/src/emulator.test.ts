import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createEmulator, emulatorApp, type Emulator } from '@whathead/tiktok-emulator';
import { createTikTokClient, type TikTokClient } from './create-tiktok-client.js';
import { TikTokApiError } from './errors/tiktok-api-error.js';
import { collect } from './pagination/iterate-pages.js';
import { createRateLimiter } from './rate-limit/rate-limiter.js';
import { createRecordingLogger, describeErrorForLogs } from './test-support/recording-logger.js';
import { samplePng, sampleMp4, tiktokDateTime } from './test-support/sample-media.js';
import { createInjectFetch } from './test-support/test-fetch.js';
import { createVirtualTime, type VirtualTime } from './test-support/virtual-time.js';

const alex = 'alex.admin@example.com';
const northwind = '7100000000000000001';
const northwindUs = '7200000000000000011';
const northwindLegacy = '7200000000000000014';

interface Harness {
  emulator: Emulator;
  client: TikTokClient;
  time: VirtualTime;
  logger: ReturnType<typeof createRecordingLogger>;
  connect(scope?: number[]): Promise<string>;
}

function createHarness(): Harness {
  const time = createVirtualTime();
  const emulator = createEmulator({ clock: time, seed: 7 });
  const logger = createRecordingLogger();
  const client = createTikTokClient({
    baseUrl: 'http://emulator.test/open_api/v1.3',
    appId: emulatorApp.appId,
    secret: emulatorApp.secret,
    fetch: createInjectFetch(emulator.app, time),
    clock: time,
    limiter: createRateLimiter({ clock: time }),
    logger,
    random: () => 0.5,
  });
  const connect = async (scope?: number[]) => {
    const authCode = emulator.control.issueAuthorizationCode({
      email: alex,
      bcId: northwind,
      ...(scope ? { scope } : {}),
    });
    return (await time.run(() => client.oauth.exchangeAuthorizationCode({ authCode }))).accessToken;
  };
  return { emulator, client, time, logger, connect };
}

async function failure(promise: Promise<unknown>): Promise<TikTokApiError> {
  const error = await promise.then(
    () => assert.fail('resolved, expected a TikTokApiError'),
    (caught: unknown) => caught,
  );
  assert.ok(TikTokApiError.isInstance(error), String(error));
  return error;
}

/** One connected emulator of a test's own; `call()` names the token and Northwind US. */
async function connectedHarness() {
  const harness = createHarness();
  const accessToken = await harness.connect();
  return { ...harness, accessToken, call: () => ({ accessToken, advertiserId: northwindUs }) };
}
type Connected = Awaited<ReturnType<typeof connectedHarness>>;

// What later steps build on, created the way the endpoint tests below check it works.
const springSale = (call: Connected['call'], requestId: string) => ({
  ...call(),
  name: 'Spring sale',
  objectiveType: 'TRAFFIC',
  budgetMode: 'BUDGET_MODE_DAY',
  budget: 100,
  idempotency: { requestId },
});

async function createCampaign({ client, time, call }: Connected, requestId = '9223372036854775807') {
  const { campaignId } = await time.run(() => client.campaigns.create(springSale(call, requestId)));
  return campaignId;
}

async function createAdGroup({ client, time, call }: Connected, campaignId: string) {
  const { adGroupId } = await time.run(() =>
    client.adGroups.create({
      ...call(),
      campaignId,
      name: 'US adults',
      placements: ['PLACEMENT_TIKTOK'],
      promotionType: 'WEBSITE',
      locationIds: ['6252001'],
      budgetMode: 'BUDGET_MODE_DAY',
      budget: 50,
      scheduleType: 'SCHEDULE_FROM_NOW',
      scheduleStartTime: tiktokDateTime(time.now()),
      optimizationGoal: 'CLICK',
      billingEvent: 'CPC',
    }),
  );
  return adGroupId;
}

async function uploadImage({ client, time, call }: Connected) {
  return time.run(() =>
    client.images.upload({
      ...call(),
      file: { bytes: samplePng(), fileName: 'banner.png', mimeType: 'image/png' },
    }),
  );
}

async function uploadVideo({ client, time, call }: Connected) {
  return time.run(() =>
    client.videos.upload({ ...call(), file: { bytes: sampleMp4(), fileName: 'clip.mp4' } }),
  );
}

const clipAd = (videoId: string, imageId: string) => ({
  adFormat: 'SINGLE_VIDEO' as const,
  name: 'Clip ad',
  adText: 'Spring is here',
  videoId,
  imageIds: [imageId],
  landingPageUrl: 'https://example.com/spring',
  displayName: 'Northwind',
  identityType: 'CUSTOMIZED_USER',
  identityId: '7300000000000000009',
});

/** A campaign, an ad group, an image and a transcoded video, then one ad made of them. */
async function createAd(connected: Connected) {
  const { client, time, call } = connected;
  const adGroupId = await createAdGroup(connected, await createCampaign(connected));
  const image = await uploadImage(connected);
  const video = await uploadVideo(connected);
  time.advance(10_000);
  const { adIds } = await time.run(() =>
    client.ads.create({ ...call(), adGroupId, creatives: [clipAd(video.videoId, image.imageId)] }),
  );
  return { adGroupId, videoId: video.videoId, adId: adIds[0]! };
}

/** Every log line of the harness is free of its tokens and of the app secret. */
function assertLogsHoldNoSecret({ logger, emulator }: Connected) {
  const lines = logger.lines().join('\n');
  for (const token of emulator.control.tokens()) assert.ok(!lines.includes(token.access_token));
  assert.ok(!lines.includes(emulatorApp.secret));
}

// Each test connects to an emulator of its own and creates what it builds on, so it passes alone.
describe('every endpoint against the emulator', () => {
  test('oauth: exchange and authorized advertisers', async () => {
    const { client, time, emulator } = await connectedHarness();
    const authCode = emulator.control.issueAuthorizationCode({ email: alex, bcId: northwind });
    const token = await time.run(() => client.oauth.exchangeAuthorizationCode({ authCode }));
    assert.ok(token.advertiserIds.includes(northwindUs));
    assert.ok(token.scope.length > 0, 'the token has scopes');
    assert.ok(token.scope.every((id) => typeof id === 'string'));
    const authorized = await time.run(() =>
      client.oauth.getAuthorizedAdvertisers({ accessToken: token.accessToken }),
    );
    assert.ok(
      authorized.some((row) => row.advertiserId === northwindUs && row.advertiserName === 'Northwind US'),
    );
    const reused = await failure(time.run(() => client.oauth.exchangeAuthorizationCode({ authCode })));
    // Correction 17: a used code is a stale sign-in (the user connects again), not a bad token;
    // TikTok answers 40101 naming the auth_code, §7's older reading 40110.
    assert.equal(reused.kind, 'authorization_code_invalid');
    assert.ok(reused.code === 40101 || reused.code === 40110, `code ${reused.code}`);
  });

  test('business centers and their assets', async () => {
    const { client, time, accessToken } = await connectedHarness();
    const centers = await time.run(() => collect(client.businessCenters.list({ accessToken })));
    // Correction 14: without bc_id, /bc/get/ lists every Business Center the user belongs to.
    assert.deepEqual(
      centers.map((center) => [center.bcId, center.userRole]),
      [
        [northwind, 'ADMIN'],
        ['7100000000000000002', 'ADMIN'],
        ['7100000000000000003', 'STANDARD'],
      ],
    );
    const assets = await time.run(() =>
      collect(client.businessCenters.listAssets({ accessToken, bcId: northwind, assetType: 'ADVERTISER' })),
    );
    const legacy = assets.find((asset) => asset.assetId === northwindLegacy);
    assert.ok(legacy, 'the legacy account is an asset of the Business Center');
    // Correction 15: ad_creation_eligible concerns catalogs; an advertiser row may omit it.
    assert.ok(legacy.adCreationEligible === undefined || legacy.adCreationEligible === 'not_available');
  });

  test('advertiser info', async () => {
    const { client, time, accessToken } = await connectedHarness();
    const info = await time.run(() =>
      client.advertisers.getInfo({ accessToken, advertiserIds: [northwindUs, northwindLegacy] }),
    );
    assert.deepEqual(
      info.map((row) => [row.advertiserId, row.status, row.currency]),
      [
        [northwindUs, 'STATUS_ENABLE', 'USD'],
        [northwindLegacy, 'STATUS_LIMIT', 'USD'],
      ],
    );
    assert.equal(typeof info[0]?.createTimeSeconds, 'number');
  });

  test('campaigns: create, update, get, status', async () => {
    const connected = await connectedHarness();
    const { client, time, call } = connected;
    const campaignId = await createCampaign(connected);
    await time.run(() => client.campaigns.update({ ...call(), campaignId, name: 'Spring sale 2' }));
    const page = await time.run(() =>
      client.campaigns.get({ ...call(), filtering: { campaignIds: [campaignId] } }),
    );
    assert.equal(page.items[0]?.name, 'Spring sale 2');
    assert.equal(page.items[0]?.budget, 100);
    const status = await time.run(() =>
      client.campaigns.updateStatus({ ...call(), campaignIds: [campaignId], operationStatus: 'DISABLE' }),
    );
    assert.deepEqual(status, { ids: [campaignId], status: 'DISABLE' });
    await time.run(() =>
      client.campaigns.updateStatus({ ...call(), campaignIds: [campaignId], operationStatus: 'ENABLE' }),
    );
    const duplicate = await failure(
      time.run(() => client.campaigns.create(springSale(call, '9223372036854775807'))),
    );
    assert.equal(duplicate.kind, 'duplicate');
  });

  test('ad groups: create, update, get, status', async () => {
    const connected = await connectedHarness();
    const { client, time, call } = connected;
    const campaignId = await createCampaign(connected);
    const adGroupId = await createAdGroup(connected, campaignId);
    await time.run(() => client.adGroups.update({ ...call(), adGroupId, name: 'US adults 2', budget: 60 }));
    const groups = await time.run(() =>
      collect(client.adGroups.list({ ...call(), filtering: { campaignIds: [campaignId] } })),
    );
    assert.deepEqual(
      groups.map((group) => [group.adGroupId, group.name, group.budget, group.locationIds]),
      [[adGroupId, 'US adults 2', 60, ['6252001']]],
    );
    const status = await time.run(() =>
      client.adGroups.updateStatus({ ...call(), adGroupIds: [adGroupId], operationStatus: 'ENABLE' }),
    );
    assert.deepEqual(status.ids, [adGroupId]);
  });

  test('images: upload, info, search', async () => {
    const connected = await connectedHarness();
    const { client, time, call } = connected;
    const image = await uploadImage(connected);
    assert.equal(image.width, 1200);
    const [info] = await time.run(() => client.images.getInfo({ ...call(), imageIds: [image.imageId] }));
    assert.equal(info?.fileName, 'banner.png');
    const found = await time.run(() =>
      collect(client.images.list({ ...call(), filtering: { imageIds: [image.imageId] } })),
    );
    assert.equal(found.length, 1);
    const again = await failure(
      time.run(() =>
        client.images.upload({ ...call(), file: { bytes: samplePng(), fileName: 'banner.png' } }),
      ),
    );
    assert.equal(again.kind, 'duplicate');
  });

  test('an upload read from disk as it is sent, signed with the MD5 given', async () => {
    const connected = await connectedHarness();
    const { client, time, call } = connected;
    const directory = await mkdtemp(path.join(tmpdir(), 'client-upload-'));
    try {
      const bytes = samplePng(640, 640);
      const file = path.join(directory, 'square.png');
      await writeFile(file, bytes);
      const md5 = createHash('md5').update(bytes).digest('hex');
      const progress: number[] = [];
      const image = await time.run(async () =>
        client.images.upload({
          ...call(),
          file: {
            blob: await openAsBlob(file),
            md5: md5.toUpperCase(),
            fileName: 'square.png',
            onProgress: (sent) => progress.push(sent),
          },
        }),
      );
      assert.deepEqual([image.width, image.height, image.signature], [640, 640, md5]);
      // The bytes were counted as the body read them, from nothing to the whole file.
      assert.equal(progress[0], 0);
      assert.equal(progress.at(-1), bytes.length);
      const mismatch = await failure(
        time.run(async () =>
          client.images.upload({
            ...call(),
            file: { blob: await openAsBlob(file), md5: '0'.repeat(32), fileName: 'other.png' },
          }),
        ),
      );
      assert.deepEqual([mismatch.kind, mismatch.code], ['invalid_request', 40900]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('videos: upload, info, search; an ad waits for transcoding', async () => {
    const connected = await connectedHarness();
    const { client, time, call } = connected;
    const adGroupId = await createAdGroup(connected, await createCampaign(connected));
    const image = await uploadImage(connected);
    const video = await uploadVideo(connected);
    const creative = clipAd(video.videoId, image.imageId);
    const early = await failure(
      time.run(() => client.ads.create({ ...call(), adGroupId, creatives: [creative] })),
    );
    assert.equal(early.kind, 'not_ready');
    time.advance(10_000);
    const [info] = await time.run(() => client.videos.getInfo({ ...call(), videoIds: [video.videoId] }));
    assert.equal(info?.displayable, true);
    const listed = await time.run(() =>
      collect(client.videos.list({ ...call(), filtering: { videoIds: [video.videoId] } })),
    );
    assert.equal(listed[0]?.videoId, video.videoId);
    const { adIds } = await time.run(() =>
      client.ads.create({ ...call(), adGroupId, creatives: [creative] }),
    );
    assert.equal(adIds.length, 1);
  });

  test('ads: update, get, status', async () => {
    const connected = await connectedHarness();
    const { client, time, call } = connected;
    const { adId, adGroupId, videoId } = await createAd(connected);
    await time.run(() =>
      client.ads.update({
        ...call(),
        adGroupId,
        creatives: [{ adId, adText: 'Spring, updated' }],
      }),
    );
    const ads = await time.run(() => collect(client.ads.list({ ...call(), filtering: { adIds: [adId] } })));
    assert.equal(ads[0]?.adText, 'Spring, updated');
    assert.equal(ads[0]?.videoId, videoId);
    const status = await time.run(() =>
      client.ads.updateStatus({ ...call(), adIds: [adId], operationStatus: 'DISABLE' }),
    );
    assert.deepEqual(status, { ids: [adId], status: 'DISABLE' });
  });

  test('integrated report', async (context) => {
    const { client, time, call, emulator } = await connectedHarness();
    assert.ok(
      emulator.app.hasRoute({ method: 'GET', url: '/open_api/v1.3/report/integrated/get/' }),
      'the emulator serves /report/integrated/get/',
    );
    const rows = await time.run(() =>
      collect(
        client.reports.listIntegratedRows({
          ...call(),
          dataLevel: 'AUCTION_CAMPAIGN',
          dimensions: ['campaign_id', 'stat_time_day'],
          metrics: ['spend', 'impressions'],
          startDate: '2026-11-01',
          endDate: '2026-11-24',
        }),
      ),
    );
    assert.ok(rows.length > 0, 'the report has rows');
    assert.ok(
      rows.every((row) => typeof row.dimensions.campaign_id === 'string' && row.metrics.spend !== undefined),
    );
    context.diagnostic(`${rows.length} report rows`);
  });

  test('revoke: the accounts lose access and the token is dead', async () => {
    const { client, time, call, accessToken } = await connectedHarness();
    const revoked = await time.run(() => client.oauth.revokeAccessToken({ accessToken }));
    assert.ok(revoked.advertiserIds.includes(northwindUs));
    const dead = await failure(time.run(() => client.campaigns.get(call())));
    assert.equal(dead.kind, 'auth_invalid');
    assert.equal(dead.code, 40105);
    assert.deepEqual(await time.run(() => client.oauth.revokeAccessToken({ accessToken })), {
      advertiserIds: [],
      alreadyRevoked: true,
    });
  });

  test('no token or secret in any log line of a whole journey', async () => {
    const connected = await connectedHarness();
    const { client, time, call, accessToken, logger } = connected;
    const { adId, adGroupId } = await createAd(connected);
    await time.run(() => client.ads.updateStatus({ ...call(), adIds: [adId], operationStatus: 'DISABLE' }));
    await time.run(() =>
      client.adGroups.updateStatus({ ...call(), adGroupIds: [adGroupId], operationStatus: 'DISABLE' }),
    );
    await time.run(() => client.oauth.revokeAccessToken({ accessToken }));
    await failure(time.run(() => client.campaigns.get(call())));
    assert.ok(logger.events.length >= 10, `one log event per call, ${logger.events.length} in all`);
    assertLogsHoldNoSecret(connected);
  });
});

describe('what an ad group and an ad pick from', () => {
  // Audience (3), App (7) and Pixel Management (8): the groups the builder reads beyond the help page's.
  const builderScope = [1, 2, 3, 4, 6, 7, 8];

  test("regions: the account's locations, GeoNames ids, parents and levels", async () => {
    const { client, time, connect } = createHarness();
    const accessToken = await connect(builderScope);
    const regions = await time.run(() =>
      client.regions.get({
        accessToken,
        advertiserId: northwindUs,
        placements: ['PLACEMENT_TIKTOK'],
        objectiveType: 'TRAFFIC',
        levelRange: 'TO_PROVINCE',
      }),
    );
    const unitedStates = regions.find((region) => region.locationId === '6252001');
    assert.deepEqual(
      [unitedStates?.name, unitedStates?.level, unitedStates?.parentId, unitedStates?.regionCode],
      ['United States', 'COUNTRY', undefined, 'US'],
    );
    assert.equal(regions.find((region) => region.locationId === '1861060')?.name, 'Japan');
    const georgias = regions.filter((region) => region.name === 'Georgia');
    assert.deepEqual(
      georgias.map((region) => [region.level, region.parentId]),
      [
        ['COUNTRY', undefined],
        ['PROVINCE', '6252001'],
      ],
    );
    assert.ok(
      regions.every((region) => region.level !== 'CITY'),
      'level_range cuts the cities off',
    );
  });

  test('identities: list, create a CUSTOMIZED_USER, find it by keyword', async () => {
    const connected = await connectedHarness();
    const { client, time, call } = connected;
    const seeded = await time.run(() => collect(client.identities.list(call())));
    assert.deepEqual(
      seeded.map((identity) => [identity.identityType, identity.displayName]),
      [
        ['CUSTOMIZED_USER', 'Northwind US'],
        ['TT_USER', 'Northwind US'],
      ],
    );
    assert.match(seeded[0]?.profileImageUrl ?? '', /^http:\/\/[^/]+\/media\/\d{19}$/);
    const avatar = await time.run(() =>
      client.images.upload({
        ...call(),
        file: { bytes: samplePng(640, 640), fileName: 'avatar.png', mimeType: 'image/png' },
      }),
    );
    const { identityId } = await time.run(() =>
      client.identities.create({ ...call(), displayName: 'Northwind Spring', imageUri: avatar.imageId }),
    );
    const found = await time.run(() =>
      client.identities.get({ ...call(), identityType: 'CUSTOMIZED_USER', keyword: 'spring' }),
    );
    assert.deepEqual(
      found.items.map((identity) => identity.identityId),
      [identityId],
    );
    assert.match(found.items[0]?.profileImageUrl ?? '', /ad-site-i18n-sg/);
  });

  test('pixels and apps: their ids, codes, optimisation events and platforms', async () => {
    const { client, time, connect } = createHarness();
    const accessToken = await connect(builderScope);
    const call = { accessToken, advertiserId: northwindUs };
    const pixels = await time.run(() => collect(client.pixels.list(call)));
    assert.deepEqual(
      pixels.map((pixel) => pixel.name),
      ['Northwind US Website', 'Northwind US Lead forms'],
    );
    assert.match(pixels[0]?.pixelCode ?? '', /^C[0-9A-Z]{19}$/);
    const events = pixels.flatMap((pixel) => pixel.events.map((event) => event.optimizationEvent));
    assert.ok(events.includes('SHOPPING') && events.includes('FORM'));
    const named = await time.run(() => client.pixels.get({ ...call, name: 'Lead' }));
    assert.deepEqual(
      named.items.map((pixel) => pixel.pixelId),
      [pixels[1]?.pixelId],
    );
    const apps = await time.run(() => client.apps.get(call));
    assert.deepEqual(
      apps.map((app) => [app.platform, app.appType, app.name]),
      [
        ['ANDROID', 'APP_ANDROID', 'Northwind US'],
        ['IOS', 'APP_IOS', 'Northwind US'],
      ],
    );
    const iosOnly = await time.run(() =>
      client.apps.get({ ...call, appPlatformIds: [apps[1]!.appPlatformId!] }),
    );
    assert.deepEqual(
      iosOnly.map((app) => app.appId),
      [apps[1]?.appId],
    );
  });

  test('audiences: every page read, sizes and readiness; a chosen few by id', async () => {
    const { client, time, connect } = createHarness();
    const accessToken = await connect(builderScope);
    const call = { accessToken, advertiserId: northwindUs };
    const audiences = await time.run(() => collect(client.audiences.list({ ...call, pageSize: 3 })));
    assert.deepEqual(
      audiences.map((audience) => [audience.audienceType, audience.size, audience.isValid]),
      [
        ['Customer File Audience', 48_200, true],
        ['Website Audience', 126_500, true],
        ['Lookalike Audience', 2_310_000, true],
        ['Engagement Audience', 0, false],
      ],
      'the second page of three is read too',
    );
    assert.ok(audiences.every((audience) => /^\d{19}$/.test(audience.audienceId)));
    const chosen = await time.run(() =>
      client.audiences.get({ ...call, audienceIds: [audiences[2]!.audienceId] }),
    );
    assert.deepEqual(
      chosen.items.map((audience) => audience.name),
      ['Northwind US Lookalike of customers'],
    );
  });

  test('failures: a scope without audiences, pixels or apps, a foreign account, one identity failed on purpose', async () => {
    const { client, time, connect, emulator } = createHarness();
    // The help page's four groups only: a user who unticked Audience, App and Pixel Management.
    const whathead = await connect([1, 2, 4, 6]);
    const pixelsDenied = await failure(
      time.run(() => client.pixels.get({ accessToken: whathead, advertiserId: northwindUs })),
    );
    assert.equal(pixelsDenied.kind, 'permission_denied');
    assert.equal(pixelsDenied.missingPermission, '/pixel/list/:GET');
    const appsDenied = await failure(
      time.run(() => client.apps.get({ accessToken: whathead, advertiserId: northwindUs })),
    );
    assert.equal(appsDenied.missingPermission, '/app/list/:GET');
    const audiencesDenied = await failure(
      time.run(() => client.audiences.get({ accessToken: whathead, advertiserId: northwindUs })),
    );
    assert.deepEqual(
      [audiencesDenied.kind, audiencesDenied.missingPermission],
      ['permission_denied', '/dmp/custom_audience/list/:GET'],
    );
    const foreign = await failure(
      time.run(() => client.identities.get({ accessToken: whathead, advertiserId: '7200000000000000031' })),
    );
    assert.equal(foreign.kind, 'advertiser_unavailable');

    emulator.control.addFault({
      kind: 'api_error',
      path: '/identity/create/',
      bodyContains: 'Broken brand',
      code: 40002,
      message: 'display_name: Contains prohibited words.',
    });
    const call = { accessToken: whathead, advertiserId: northwindUs };
    const broken = await failure(
      time.run(() => client.identities.create({ ...call, displayName: 'Broken brand' })),
    );
    assert.deepEqual([broken.kind, broken.code, broken.field], ['invalid_request', 40002, 'display_name']);
    assert.equal(broken.attempts, 1, 'a create is not retried blindly');
    await time.run(() => client.identities.create({ ...call, displayName: 'Fine brand' }));
    const names = (await time.run(() => collect(client.identities.list(call)))).map((row) => row.displayName);
    assert.ok(names.includes('Fine brand') && !names.includes('Broken brand'));
  });
});

describe('failures the emulator produces, as kinds', () => {
  test('unknown advertiser, ineligible advertiser, missing field, expired token', async () => {
    const { client, time, emulator, connect } = createHarness();
    const accessToken = await connect();
    const unknown = await failure(
      time.run(() => client.campaigns.get({ accessToken, advertiserId: '7200000000000000099' })),
    );
    assert.equal(unknown.kind, 'advertiser_unavailable');
    const ineligible = await failure(
      time.run(() => client.campaigns.get({ accessToken, advertiserId: northwindLegacy })),
    );
    assert.equal(ineligible.kind, 'advertiser_unavailable');
    const invalid = await failure(
      time.run(() =>
        client.campaigns.create({
          accessToken,
          advertiserId: northwindUs,
          name: 'x',
          objectiveType: 'TRAFFIC',
          budgetMode: 'BUDGET_MODE_DAY',
        }),
      ),
    );
    assert.equal(invalid.kind, 'invalid_request');
    assert.equal(invalid.field, 'budget');
    emulator.control.expireToken(accessToken);
    const expired = await failure(
      time.run(() => client.advertisers.getInfo({ accessToken, advertiserIds: [northwindUs] })),
    );
    assert.equal(expired.kind, 'auth_invalid');
    assert.equal(expired.code, 40102);
    assert.ok(!describeErrorForLogs(expired).includes(accessToken));
  });

  test('a permission the user did not grant is named', async () => {
    const { client, time, connect } = createHarness();
    const accessToken = await connect([1, 2, 4, 60]);
    const denied = await failure(
      time.run(() => client.videos.search({ accessToken, advertiserId: northwindUs })),
    );
    assert.equal(denied.kind, 'permission_denied');
    assert.equal(denied.missingPermission, '/file/video/ad/search/:GET');
  });
});
