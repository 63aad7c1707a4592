import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newAd, newAdGroup, newCampaign } from './draft-defaults.js';
import type { DraftDocument, DraftNode } from './draft-nodes.js';
import { validateDraft, type ValidationContext } from './draft-validation.js';
import { planPublish } from './publish-plan.js';

const now = Date.parse('2026-11-20T12:00:00Z');
const account = '7200000000000000011';
const context: ValidationContext = { now, accounts: new Map([[account, { name: 'US', currency: 'USD' }]]) };

/** A tree TikTok takes as it is. */
function valid(): DraftNode[] {
  const campaign = newCampaign('c', account, 'Spring');
  campaign.settings.budget = 100;
  const adGroup = newAdGroup('g', 'c', 'TRAFFIC', 'Spring US');
  adGroup.settings.budget = 40;
  adGroup.settings.locations = [{ id: '6252001', name: 'United States' }];
  const ad = newAd('a', 'g', 'Spring video');
  ad.settings = {
    ...ad.settings,
    identity: { type: 'CUSTOMIZED_USER', id: '1', displayName: 'Northwind' },
    creative: {
      kind: 'video',
      materialId: 'v1',
      fileName: 'a.mp4',
      sha256: null,
      width: 1080,
      height: 1920,
      coverImageId: 'i1',
    },
    adText: 'Spring is here',
    displayName: 'Northwind',
    landingPageUrl: 'https://example.com',
  };
  return [campaign, adGroup, ad];
}

const issuesOf = (nodes: DraftNode[]) =>
  validateDraft({ nodes }, context).map((issue) => `${issue.key}.${issue.field ?? '-'}: ${issue.message}`);

function edit<Level extends DraftNode['level']>(
  nodes: DraftNode[],
  key: string,
  change: Partial<Extract<DraftNode, { level: Level }>['settings']>,
): DraftNode[] {
  return nodes.map((node) =>
    node.key === key ? ({ ...node, settings: { ...node.settings, ...change } } as DraftNode) : node,
  );
}

describe('builder validation', () => {
  it('finds nothing wrong with a complete tree', () => {
    assert.deepEqual(issuesOf(valid()), []);
  });

  it("applies TikTok's published budget minimums and says which applies", () => {
    const issues = issuesOf(
      edit<'campaign'>(edit<'adgroup'>(valid(), 'g', { budget: 10 }), 'c', { budget: 20 }),
    );
    assert.ok(
      issues.includes('c.budget: TikTok’s published minimum is 50.00 USD a day; this campaign has 20.00.'),
    );
    assert.ok(
      issues.includes('g.budget: TikTok’s published minimum is 20.00 USD a day; this ad group has 10.00.'),
    );
  });

  it('warns instead of guessing a minimum for a currency TikTok publishes none for', () => {
    const euro: ValidationContext = { now, accounts: new Map([[account, { name: 'EU', currency: 'EUR' }]]) };
    const issues = validateDraft({ nodes: valid() }, euro);
    assert.ok(
      issues.some(
        (issue) => issue.field === 'budget' && issue.severity === 'warning' && /EUR/.test(issue.message),
      ),
    );
    assert.ok(!issues.some((issue) => issue.severity === 'error'));
  });

  it('needs a location, a goal the objective allows, a pixel for website conversions, an app for app promotion', () => {
    assert.ok(
      issuesOf(edit<'adgroup'>(valid(), 'g', { locations: [] })).includes(
        'g.locations: Choose at least one location.',
      ),
    );
    assert.match(
      issuesOf(edit<'adgroup'>(valid(), 'g', { optimizationGoal: 'REACH', billingEvent: 'CPM' })).join('\n'),
      /g\.optimizationGoal: A Traffic campaign can't optimise for Reach/,
    );
    const conversions = edit<'adgroup'>(
      edit<'campaign'>(valid(), 'c', { objective: 'WEB_CONVERSIONS' }),
      'g',
      {
        optimizationGoal: 'CONVERT',
        billingEvent: 'OCPM',
        promotionType: 'WEBSITE',
      },
    );
    assert.match(issuesOf(conversions).join('\n'), /g\.pixelId: Conversions on a website need a pixel/);
    const app = edit<'adgroup'>(edit<'campaign'>(valid(), 'c', { objective: 'APP_PROMOTION' }), 'g', {
      optimizationGoal: 'INSTALL',
      billingEvent: 'OCPM',
      promotionType: 'APP_ANDROID',
    });
    assert.match(issuesOf(app).join('\n'), /g\.appId: Choose the app this ad group promotes\./);
    assert.match(
      issuesOf(edit<'campaign'>(valid(), 'c', { objective: 'PRODUCT_SALES' })).join('\n'),
      /product catalog/,
    );
  });

  it('keeps the hierarchy: an ad group per campaign, an ad per ad group, each under the right level', () => {
    const [campaign, adGroup] = valid();
    assert.deepEqual(issuesOf([campaign!]), ['c.-: Add at least one ad group to this campaign.']);
    assert.ok(issuesOf([campaign!, adGroup!]).includes('g.-: Add at least one ad to this ad group.'));
    const misplaced = valid().map((node) =>
      node.key === 'a' ? { ...node, parentKey: 'c' } : node,
    ) as DraftNode[];
    assert.ok(issuesOf(misplaced).some((issue) => issue.startsWith('a.-: An ad belongs under an ad group')));
  });

  it('refuses two siblings of one name, which a lost answer could mix up', () => {
    const [campaign, adGroup, ad] = valid();
    const twin = { ...ad!, key: 'twin' } as DraftNode;
    const issues = issuesOf([campaign!, adGroup!, ad!, twin]);
    assert.deepEqual(
      issues.filter((issue) => issue.includes('Another ad')).map((issue) => issue.split(':')[0]),
      ['a.name', 'twin.name'],
    );
  });

  it('refuses an audience both included and excluded, on the excluded list', () => {
    const [first, second, third] = ['7400000000000000001', '7400000000000000002', '7400000000000000003'];
    assert.deepEqual(
      issuesOf(edit<'adgroup'>(valid(), 'g', { audienceIds: [first, second], excludedAudienceIds: [third] })),
      [],
    );
    assert.deepEqual(
      issuesOf(
        edit<'adgroup'>(valid(), 'g', { audienceIds: [first, second], excludedAudienceIds: [second] }),
      ),
      ['g.excludedAudienceIds: One audience is both included and excluded. Keep it in one list only.'],
    );
    assert.deepEqual(
      issuesOf(
        edit<'adgroup'>(valid(), 'g', { audienceIds: [first, second], excludedAudienceIds: [second, first] }),
      ),
      ['g.excludedAudienceIds: 2 audiences are both included and excluded. Keep each in one list only.'],
    );
  });

  it('reads a draft saved before audiences existed as having none', () => {
    const saved = valid().map((node) => {
      if (node.level !== 'adgroup') return { ...node, tiktokId: '1', published: node.settings } as DraftNode;
      const { audienceIds: _included, excludedAudienceIds: _excluded, ...settings } = node.settings;
      return { ...node, settings, tiktokId: '1', published: settings } as unknown as DraftNode;
    });
    assert.deepEqual(issuesOf(saved), []);
    assert.equal(planPublish({ nodes: saved }).items.find((item) => item.key === 'g')?.action, 'skip');
  });

  it('refuses changes TikTok does not allow after publishing, and names the way out', () => {
    const published = valid().map(
      (node) => ({ ...node, tiktokId: '1', published: node.settings }) as DraftNode,
    );
    const changed = edit<'campaign'>(published, 'c', { objective: 'REACH' });
    assert.match(
      issuesOf(changed).join('\n'),
      /c\.objective: Objective can't change once the campaign is published\. Duplicate it/,
    );
  });
});

describe('the publish plan', () => {
  it('updates a published ad group’s audiences, which TikTok lets change; their order is no change', () => {
    const [first, second] = ['7400000000000000001', '7400000000000000002'];
    const published = edit<'adgroup'>(valid(), 'g', { audienceIds: [first, second] }).map(
      (node) => ({ ...node, tiktokId: '1', published: node.settings }) as DraftNode,
    );
    const reordered = edit<'adgroup'>(published, 'g', { audienceIds: [second, first] });
    assert.equal(planPublish({ nodes: reordered }).items.find((item) => item.key === 'g')?.action, 'skip');
    const excluded = edit<'adgroup'>(published, 'g', { audienceIds: [first], excludedAudienceIds: [second] });
    assert.deepEqual(issuesOf(excluded), []);
    assert.deepEqual(
      planPublish({ nodes: excluded })
        .items.find((item) => item.key === 'g')
        ?.changes.map((change) => [change.field, change.label]),
      [
        ['audienceIds', 'Audiences'],
        ['excludedAudienceIds', 'Excluded audiences'],
      ],
    );
  });

  it('creates what TikTok lacks, updates only changed editable fields, and skips the rest, parents first', () => {
    const nodes = valid();
    const published = nodes.map(
      (node) => ({ ...node, tiktokId: '1', published: node.settings }) as DraftNode,
    );
    const document: DraftDocument = {
      nodes: [
        ...edit<'campaign'>(published, 'c', { budget: 150 }),
        { ...newAd('new', 'g', 'Second'), settings: nodes[2]!.settings as never },
      ],
    };
    const plan = planPublish(document);
    assert.deepEqual(plan.counts, { create: 1, update: 1, skip: 2 });
    assert.deepEqual(
      plan.items.map((item) => [
        item.key,
        item.action,
        item.changes.map((change) => `${change.field}:${String(change.before)}→${String(change.after)}`),
      ]),
      [
        ['c', 'update', ['budget:100→150']],
        ['g', 'skip', []],
        ['a', 'skip', []],
        ['new', 'create', []],
      ],
    );
  });
});
