import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadScenario } from '../scenarios/load-scenario.js';
import type { ScenarioDefinition } from '../scenarios/scenario-schema.js';
import { formatDateTime } from '../state/clock.js';
import { callApi, connect, createTestEmulator, testEpoch } from '../test-support.js';

const advertiserId = '7200000000000009001';
const scaled = (counts: { campaigns: number; ad_groups: number; ads: number }): ScenarioDefinition => ({
  name: 'generated',
  users: [{ user_id: '6900000000000009001', email: 'gina@example.com', password: 'x', display_name: 'Gina' }],
  business_centers: [
    {
      bc_id: '7100000000000009001',
      name: 'Generated Goods',
      members: [{ email: 'gina@example.com', user_role: 'ADMIN' }],
      advertisers: [{ advertiser_id: advertiserId, name: 'Generated Goods US', generated_entities: counts }],
    },
  ],
});
const counts = { campaigns: 3, ad_groups: 7, ads: 40 };
const generous = { appRateLimit: { perSecond: 1000, perMinute: 60_000, perDay: 864_000 } };

test('generated entities: the counts asked for, each child under a parent of its account, times in the past', () => {
  const truth = createTestEmulator({ scenario: scaled(counts) }).control.truth();
  assert.deepEqual(
    [truth.campaigns.length, truth.adgroups.length, truth.ads.length],
    [counts.campaigns, counts.ad_groups, counts.ads],
  );
  const campaigns = new Map(truth.campaigns.map((campaign) => [campaign.campaign_id, campaign]));
  const adgroups = new Map(truth.adgroups.map((adgroup) => [adgroup.adgroup_id, adgroup]));
  for (const adgroup of truth.adgroups)
    assert.equal(campaigns.get(adgroup.campaign_id)?.campaign_name, adgroup.campaign_name);
  for (const ad of truth.ads) {
    assert.equal(adgroups.get(ad.adgroup_id)?.campaign_id, ad.campaign_id);
    assert.equal(ad.advertiser_id, advertiserId);
  }
  const perAdgroup = new Map<string, number>();
  for (const ad of truth.ads) perAdgroup.set(ad.adgroup_id, (perAdgroup.get(ad.adgroup_id) ?? 0) + 1);
  assert.ok(
    [...perAdgroup.values()].every((ads) => ads <= 20),
    'at most 20 ads per ad group',
  );
  const now = formatDateTime(testEpoch);
  for (const entity of [...truth.campaigns, ...truth.adgroups, ...truth.ads]) {
    assert.ok(entity.create_time <= entity.modify_time && entity.modify_time <= now, entity.modify_time);
  }
});

test('generated entities: the same seed makes the same objects, another seed others', () => {
  const truth = (seed: number) => createTestEmulator({ scenario: scaled(counts), seed }).control.truth();
  assert.deepEqual(truth(7), truth(7));
  assert.notDeepEqual(truth(7).ads, truth(8).ads);
});

test('generated entities are listed like created ones: 1000 a page, every status', async () => {
  const emulator = createTestEmulator({
    scenario: scaled({ campaigns: 2, ad_groups: 60, ads: 1_200 }),
    settings: generous,
  });
  const { token } = await connect(emulator, 'gina@example.com');
  const pages = [1, 2].map((page) =>
    callApi(emulator, 'GET', '/ad/get/', {
      token,
      query: {
        advertiser_id: advertiserId,
        page,
        page_size: 1000,
        filtering: { primary_status: 'STATUS_ALL' },
      },
    }),
  );
  const [first, second] = await Promise.all(pages);
  const info = (first!.data as { page_info: { total_number: number; total_page: number } }).page_info;
  assert.deepEqual([info.total_number, info.total_page], [1_200, 2]);
  const listed = [first!, second!].flatMap((answer) => (answer.data as { list: { ad_id: string }[] }).list);
  assert.equal(new Set(listed.map((ad) => ad.ad_id)).size, 1_200);
});

test('a scenario refuses ads without ad groups and more than 20 ads in an ad group', () => {
  assert.throws(
    () => loadScenario(scaled({ campaigns: 1, ad_groups: 0, ads: 1 })),
    /ads need at least one ad group/,
  );
  assert.throws(
    () => loadScenario(scaled({ campaigns: 1, ad_groups: 1, ads: 21 })),
    /at most 20 ads per ad group/,
  );
});

test('large-ad-accounts: three accounts, 2,000 campaigns, 10,000 ad groups and 60,000 ads in all', () => {
  const advertisers = loadScenario('large-ad-accounts').business_centers.flatMap(
    (center) => center.advertisers,
  );
  const total = (level: 'campaigns' | 'ad_groups' | 'ads') =>
    advertisers.reduce((sum, advertiser) => sum + (advertiser.generated_entities?.[level] ?? 0), 0);
  assert.deepEqual(
    [advertisers.length, total('campaigns'), total('ad_groups'), total('ads')],
    [3, 2_000, 10_000, 60_000],
  );
});
