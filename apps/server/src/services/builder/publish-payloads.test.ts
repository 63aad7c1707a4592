import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  newAd,
  newAdGroup,
  newCampaign,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
} from '@whathead/contracts';
import {
  adGroupCreate,
  adGroupUpdate,
  adUpdate,
  campaignCreate,
  campaignUpdate,
  statusChange,
} from './publish-payloads.js';

const call = { accessToken: 'token', advertiserId: '7200000000000000011' };

function published<Node extends CampaignNode | AdGroupNode | AdNode>(node: Node): Node {
  return { ...node, tiktokId: '1800000000000000001', published: structuredClone(node.settings) };
}

describe('publish payloads', () => {
  it('sends a new campaign whole, with its request id, and no budget when it has none', () => {
    const campaign = newCampaign('c', call.advertiserId, '  Spring  ');
    campaign.settings.budgetMode = 'BUDGET_MODE_INFINITE';
    const input = campaignCreate(campaign, call, '123');
    assert.equal(input.name, 'Spring');
    assert.equal(input.budget, undefined);
    assert.deepEqual(input.idempotency, { requestId: '123' });
  });

  it('updates a campaign with only the changed editable field; status goes to its own endpoint', () => {
    const campaign = published(newCampaign('c', call.advertiserId, 'Spring'));
    campaign.settings.budget = 75;
    campaign.settings.status = 'DISABLE';
    assert.deepEqual(campaignUpdate(campaign, call), {
      ...call,
      campaignId: '1800000000000000001',
      budget: 75,
    });
    assert.equal(statusChange(campaign), 'DISABLE');
    const onlyStatus = published(newCampaign('d', call.advertiserId, 'Spring'));
    onlyStatus.settings.status = 'DISABLE';
    assert.equal(campaignUpdate(onlyStatus, call), undefined, 'a status change alone makes no update call');
  });

  it('updates an ad group with exactly its changed targeting, schedule and bid fields', () => {
    const adGroup = published(newAdGroup('g', 'c', 'TRAFFIC', 'Spring'));
    adGroup.settings.locations = [{ id: '1861060', name: 'Japan' }];
    adGroup.settings.ageGroups = ['AGE_18_24'];
    const update = adGroupUpdate(adGroup, call)!;
    assert.deepEqual(update, {
      ...call,
      adGroupId: '1800000000000000001',
      locationIds: ['1861060'],
      additionalFields: { age_groups: ['AGE_18_24'] },
    });
  });

  it('creates an ad group with the audiences it includes and excludes, and sends none when it has none', () => {
    const campaign = {
      tiktokId: '1800000000000000009',
      settings: newCampaign('c', call.advertiserId).settings,
    };
    const adGroup = newAdGroup('g', 'c', 'TRAFFIC', 'Spring');
    adGroup.settings.audienceIds = ['7400000000000000001', '7400000000000000002'];
    adGroup.settings.excludedAudienceIds = ['7400000000000000003'];
    const input = adGroupCreate(adGroup, campaign, call, '77', Date.UTC(2026, 10, 25));
    assert.deepEqual(
      [input.additionalFields?.audience_ids, input.additionalFields?.excluded_audience_ids],
      [['7400000000000000001', '7400000000000000002'], ['7400000000000000003']],
    );
    const plain = adGroupCreate(newAdGroup('h', 'c', 'TRAFFIC', 'Plain'), campaign, call, '78', 0);
    assert.ok(
      !('audience_ids' in plain.additionalFields!) && !('excluded_audience_ids' in plain.additionalFields!),
    );
    // A draft saved before audiences existed, as the server reads it back: none sent, nothing thrown.
    const before = newAdGroup('i', 'c', 'TRAFFIC', 'Old');
    const { audienceIds: _included, excludedAudienceIds: _excluded, ...saved } = before.settings;
    const old = { ...before, settings: saved } as unknown as AdGroupNode;
    assert.ok(!('audience_ids' in adGroupCreate(old, campaign, call, '79', 0).additionalFields!));
  });

  it('updates an ad group’s changed audience list whole, an emptied one as empty, and leaves the other alone', () => {
    const adGroup = published({
      ...newAdGroup('g', 'c', 'TRAFFIC', 'Spring'),
      settings: {
        ...newAdGroup('g', 'c', 'TRAFFIC', 'Spring').settings,
        audienceIds: ['7400000000000000001'],
        excludedAudienceIds: ['7400000000000000003'],
      },
    });
    adGroup.settings.audienceIds = ['7400000000000000001', '7400000000000000002'];
    assert.deepEqual(adGroupUpdate(adGroup, call), {
      ...call,
      adGroupId: '1800000000000000001',
      additionalFields: { audience_ids: ['7400000000000000001', '7400000000000000002'] },
    });
    adGroup.settings.excludedAudienceIds = [];
    assert.deepEqual(adGroupUpdate(adGroup, call)?.additionalFields, {
      audience_ids: ['7400000000000000001', '7400000000000000002'],
      excluded_audience_ids: [],
    });
    const reordered = published({
      ...adGroup,
      settings: { ...adGroup.settings, audienceIds: ['7400000000000000002', '7400000000000000001'] },
    });
    reordered.published = {
      ...reordered.published!,
      audienceIds: ['7400000000000000001', '7400000000000000002'],
    };
    assert.equal(
      adGroupUpdate(reordered, call),
      undefined,
      'the same audiences in another order is no change',
    );
  });

  it('patches an ad with only the changed fields and its id', () => {
    const ad = published(newAd('a', 'g', 'Spring'));
    ad.settings.adText = 'New words';
    assert.deepEqual(adUpdate(ad), { adId: '1800000000000000001', adText: 'New words' });
    assert.equal(adUpdate(published(newAd('b', 'g', 'Same'))), undefined);
  });
});
