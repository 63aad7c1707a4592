import { describe, expect, it } from 'vitest';
import {
  adGroup,
  campaign,
  countingKeys,
  documentOf,
  springAndAutumn,
  usAccount,
} from '../testing/draft-fixtures';
import { addAdGroups, addAds, addCampaign, clearPositions, deleteNodes, moveNodes } from './tree-edits';

const keysOf = (outcome: { ok: boolean } & Partial<{ document: { nodes: { key: string }[] } }>) =>
  outcome.document?.nodes.map((node) => node.key);

describe('adding nodes', () => {
  it('adds a campaign on the given account and selects it', () => {
    const outcome = addCampaign(documentOf(), usAccount, countingKeys());
    expect(outcome).toMatchObject({ ok: true, selection: ['k1'] });
    expect(outcome.ok && outcome.document.nodes[0]).toMatchObject({
      level: 'campaign',
      key: 'k1',
      advertiserId: usAccount,
      parentKey: null,
    });
  });

  it('adds an ad group under each selected campaign, or the campaign of a selected ad', () => {
    const outcome = addAdGroups(springAndAutumn(), ['autumn', 'spring-ad-1'], countingKeys());
    expect(outcome.ok && outcome.document.nodes.slice(-2).map((node) => [node.key, node.parentKey])).toEqual([
      ['k1', 'autumn'],
      ['k2', 'spring'],
    ]);
    expect(outcome.ok && outcome.selection).toEqual(['k1', 'k2']);
  });

  it('takes the new ad group’s goal from its campaign’s objective', () => {
    const reach = campaign('c', { settings: { ...campaign('c').settings, objective: 'REACH' } });
    const outcome = addAdGroups(documentOf(reach), ['c'], countingKeys());
    const added = outcome.ok ? outcome.document.nodes[1] : undefined;
    expect(added?.level === 'adgroup' && added.settings.optimizationGoal).toBe('REACH');
  });

  it('adds an ad under a selected ad group, and refuses without one', () => {
    const outcome = addAds(springAndAutumn(), ['autumn-group'], countingKeys());
    expect(outcome.ok && outcome.document.nodes.at(-1)).toMatchObject({
      key: 'k1',
      parentKey: 'autumn-group',
    });
    expect(addAds(springAndAutumn(), ['autumn'], countingKeys())).toEqual({
      ok: false,
      message: 'Select an ad group to add an ad to.',
    });
    expect(addAdGroups(springAndAutumn(), [], countingKeys()).ok).toBe(false);
  });
});

describe('deleting nodes', () => {
  it('takes everything under a deleted node with it', () => {
    const outcome = deleteNodes(springAndAutumn(), ['spring-group']);
    expect(keysOf(outcome)).toEqual(['spring', 'autumn', 'autumn-group']);
    expect(outcome.ok && outcome.selection).toEqual([]);
  });

  it('deletes a selection that holds both a parent and its child once', () => {
    const outcome = deleteNodes(springAndAutumn(), ['spring', 'spring-ad-1', 'autumn-group']);
    expect(keysOf(outcome)).toEqual(['autumn']);
  });
});

describe('positions', () => {
  it('pins dragged nodes, and Tidy up frees them all', () => {
    const document = documentOf(campaign('c'), adGroup('g', 'c'));
    const moved = moveNodes(document, new Map([['g', { x: 40, y: 80 }]]));
    expect(moved.nodes.map((node) => node.position)).toEqual([null, { x: 40, y: 80 }]);
    expect(clearPositions(moved).nodes.map((node) => node.position)).toEqual([null, null]);
  });
});
