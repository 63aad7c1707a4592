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
import { adGroupUpdate, adUpdate, campaignCreate, campaignUpdate, statusChange } from './publish-payloads.js';

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

  it('patches an ad with only the changed fields and its id', () => {
    const ad = published(newAd('a', 'g', 'Spring'));
    ad.settings.adText = 'New words';
    assert.deepEqual(adUpdate(ad), { adId: '1800000000000000001', adText: 'New words' });
    assert.equal(adUpdate(published(newAd('b', 'g', 'Same'))), undefined);
  });
});
