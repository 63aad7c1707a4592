import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  newAd,
  newAdGroup,
  newCampaign,
  planPublish,
  type AdGroupNode,
  type CampaignNode,
  type DraftDocument,
  type Guardrails,
} from '@whathead/contracts';
import { guardrailBreaches } from './guardrail-check.js';

const account = '7200000000000000011';
const limits: Guardrails = { maxAdGroupDailyBudget: 500, maxBudgetIncreasePercent: 50 };

function campaign(budget: number | null, changes: Partial<CampaignNode['settings']> = {}): CampaignNode {
  const node = newCampaign('c1', account, 'Spring sale');
  node.settings = { ...node.settings, budget, ...changes };
  return node;
}

function adGroup(budget: number | null, changes: Partial<AdGroupNode['settings']> = {}): AdGroupNode {
  const node = newAdGroup('g1', 'c1', 'TRAFFIC', 'Spring');
  node.settings = { ...node.settings, budget, ...changes };
  return node;
}

/** As TikTok has it now: its id, and `published` equal to the settings it had before `change`. */
function published<Node extends CampaignNode | AdGroupNode>(
  node: Node,
  tiktokId: string,
  change: Partial<Node['settings']>,
): Node {
  return {
    ...node,
    tiktokId,
    published: structuredClone(node.settings),
    settings: { ...node.settings, ...change },
  } as Node;
}

function breaches(nodes: DraftDocument['nodes'], guardrails: Guardrails = limits): string[] {
  const document = { nodes: [...nodes, newAd('a1', 'g1')] };
  return guardrailBreaches(document, planPublish(document), guardrails);
}

describe('guardrailBreaches', () => {
  it('holds nothing when the workspace set no limits', () => {
    assert.deepEqual(
      breaches([campaign(100_000), adGroup(90_000)], {
        maxAdGroupDailyBudget: null,
        maxBudgetIncreasePercent: null,
      }),
      [],
    );
  });

  it('names a new ad group whose daily budget is over the limit, with both amounts', () => {
    assert.deepEqual(breaches([campaign(1000), adGroup(900)]), [
      "Ad group “Spring” would spend 900.00 a day; the workspace's limit is 500.00.",
    ]);
    assert.deepEqual(breaches([campaign(1000), adGroup(500)]), [], 'the limit itself is allowed');
    assert.deepEqual(
      breaches([campaign(1000), adGroup(1_234.5)], {
        maxAdGroupDailyBudget: 1_000,
        maxBudgetIncreasePercent: null,
      }),
      ["Ad group “Spring” would spend 1,234.50 a day; the workspace's limit is 1,000.00."],
    );
  });

  it('does not compare a lifetime budget with the daily limit', () => {
    assert.deepEqual(
      breaches([
        campaign(null, { budgetMode: 'BUDGET_MODE_INFINITE' }),
        adGroup(5_000, { budgetMode: 'BUDGET_MODE_TOTAL' }),
      ]),
      [],
    );
  });

  it('holds an update that raises a budget past either limit, and names both', () => {
    const raised = published(adGroup(400), '1700000000000000002', { budget: 900 });
    const existing = published(campaign(1000), '1700000000000000001', {});
    assert.deepEqual(breaches([existing, raised]), [
      "Ad group “Spring” would spend 900.00 a day; the workspace's limit is 500.00.",
      "Ad group “Spring” budget would rise from 400.00 to 900.00 (+125%); the workspace's limit is +50%.",
    ]);
  });

  it('lets an update that leaves a budget TikTok already spends alone through', () => {
    const renamed = published(adGroup(900), '1700000000000000002', { name: 'Spring, renamed' });
    const existing = published(campaign(1000), '1700000000000000001', {});
    assert.deepEqual(breaches([existing, renamed]), []);
  });

  it('compares a campaign budget raise with the percentage, and allows exactly the limit', () => {
    const group = published(adGroup(100), '1700000000000000002', {});
    assert.deepEqual(breaches([published(campaign(100), '1700000000000000001', { budget: 150 }), group]), []);
    assert.deepEqual(breaches([published(campaign(100), '1700000000000000001', { budget: 160 }), group]), [
      "Campaign “Spring sale” budget would rise from 100.00 to 160.00 (+60%); the workspace's limit is +50%.",
    ]);
    assert.deepEqual(
      breaches([published(campaign(100), '1700000000000000001', { budget: 103 }), group], {
        maxAdGroupDailyBudget: null,
        maxBudgetIncreasePercent: 2.5,
      }),
      [
        "Campaign “Spring sale” budget would rise from 100.00 to 103.00 (+3%); the workspace's limit is +2.5%.",
      ],
    );
    assert.deepEqual(
      breaches([published(campaign(100), '1700000000000000001', { budget: 50 }), group]),
      [],
      'a cut is no raise',
    );
  });

  it('holds a budget-optimised campaign’s daily budget to the ad group limit, not its ad groups’', () => {
    assert.deepEqual(breaches([campaign(800, { budgetOptimization: true }), adGroup(900)]), [
      "Campaign “Spring sale” would share 800.00 a day among its ad groups; the workspace's limit for an ad group is 500.00.",
    ]);
  });

  it('skips the percentage where TikTok had no budget to compare with', () => {
    const fromNone = published(
      campaign(null, { budgetMode: 'BUDGET_MODE_INFINITE' }),
      '1700000000000000001',
      {
        budget: 300,
      },
    );
    assert.deepEqual(breaches([fromNone, published(adGroup(100), '1700000000000000002', {})]), []);
  });
});
