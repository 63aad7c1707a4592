import {
  indexDraft,
  newAd,
  newAdGroup,
  newCampaign,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
  type DraftNode,
} from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { addedLocations, applyBulkChange, changedBudget, skippedByChange } from './bulk-edit';

const advertiserId = '7200000000000000011';

function campaign(key: string, settings: Partial<CampaignNode['settings']> = {}): CampaignNode {
  const node = newCampaign(key, advertiserId, `Campaign ${key}`);
  return { ...node, settings: { ...node.settings, ...settings } };
}

function adGroup(
  key: string,
  parentKey: string,
  settings: Partial<AdGroupNode['settings']> = {},
): AdGroupNode {
  const node = newAdGroup(key, parentKey, 'TRAFFIC', `Ad group ${key}`);
  return { ...node, settings: { ...node.settings, ...settings } };
}

function ad(key: string, parentKey: string, settings: Partial<AdNode['settings']> = {}): AdNode {
  const node = newAd(key, parentKey, `Ad ${key}`);
  return { ...node, settings: { ...node.settings, ...settings } };
}

const treeOf = (...nodes: DraftNode[]) => indexDraft({ nodes });

describe('changedBudget', () => {
  it('sets, raises and lowers a budget to the cent, never below zero', () => {
    expect(changedBudget(50, { how: 'set', amount: 72.456 })).toBe(72.46);
    expect(changedBudget(50, { how: 'increase', amount: 10 })).toBe(55);
    expect(changedBudget(33.33, { how: 'increase', amount: 10 })).toBe(36.66);
    expect(changedBudget(20.05, { how: 'decrease', amount: 15 })).toBe(17.04);
    expect(changedBudget(20, { how: 'decrease', amount: 150 })).toBe(0);
    expect(changedBudget(20, { how: 'set', amount: -5 })).toBe(0);
  });

  it('has no percentage of a budget that is not there', () => {
    expect(changedBudget(null, { how: 'increase', amount: 10 })).toBeNull();
    expect(changedBudget(null, { how: 'set', amount: 30 })).toBe(30);
  });
});

describe('applyBulkChange', () => {
  it('raises each ad group’s own budget by 10% and keeps every other value', () => {
    const parent = campaign('c1');
    const spring = adGroup('g1', 'c1', { budget: 50, name: 'Spring', gender: 'GENDER_FEMALE' });
    const autumn = adGroup('g2', 'c1', {
      budget: 120,
      budgetMode: 'BUDGET_MODE_TOTAL',
      locations: [{ id: '6252001', name: 'United States' }],
    });
    const tree = treeOf(parent, spring, autumn);

    const [first, second] = applyBulkChange(
      [spring, autumn],
      { field: 'budget', change: { how: 'increase', amount: 10 } },
      tree,
    );

    expect(first).toEqual({ ...spring, settings: { ...spring.settings, budget: 55 } });
    expect(second).toEqual({ ...autumn, settings: { ...autumn.settings, budget: 132 } });
  });

  it('leaves budgets alone where they are not the node’s to spend, and says which', () => {
    const unlimited = campaign('c1', { budgetMode: 'BUDGET_MODE_INFINITE', budget: null });
    const shared = campaign('c2', { budgetOptimization: true, budget: 200 });
    const underShared = adGroup('g1', 'c2', { budget: 40 });
    const tree = treeOf(unlimited, shared, underShared);
    const change = { field: 'budget', change: { how: 'set', amount: 80 } } as const;

    const changed = applyBulkChange([unlimited, shared], change, tree);
    expect(changed[0]).toBe(unlimited);
    expect((changed[1] as CampaignNode).settings.budget).toBe(80);
    expect(applyBulkChange([underShared], change, tree)[0]).toBe(underShared);
    expect(skippedByChange([unlimited, shared, underShared], change, tree)).toEqual([unlimited, underShared]);
  });

  it('pauses every node of the selection', () => {
    const nodes = [campaign('c1'), campaign('c2', { status: 'DISABLE' })];
    const changed = applyBulkChange(nodes, { field: 'status', status: 'DISABLE' }, treeOf(...nodes));
    expect(changed.map((node) => node.settings.status)).toEqual(['DISABLE', 'DISABLE']);
    expect(changed.map((node) => node.settings.name)).toEqual(['Campaign c1', 'Campaign c2']);
  });

  it('gives ad groups an end, switching them to a start-and-end schedule', () => {
    const group = adGroup('g1', 'c1', { scheduleStart: '2026-05-01 08:00:00' });
    const [changed] = applyBulkChange(
      [group],
      { field: 'scheduleEnd', end: '2026-06-01 00:00:00' },
      treeOf(campaign('c1'), group),
    );
    expect((changed as AdGroupNode).settings).toMatchObject({
      scheduleType: 'SCHEDULE_START_END',
      scheduleStart: '2026-05-01 08:00:00',
      scheduleEnd: '2026-06-01 00:00:00',
    });
  });

  it('adds locations without repeating one, or replaces them', () => {
    const us = { id: '6252001', name: 'United States' };
    const france = { id: '3017382', name: 'France' };
    const group = adGroup('g1', 'c1', { locations: [us] });
    const tree = treeOf(campaign('c1'), group);

    const [added] = applyBulkChange(
      [group],
      { field: 'locations', how: 'add', locations: [france, us] },
      tree,
    );
    expect((added as AdGroupNode).settings.locations).toEqual([us, france]);
    const [replaced] = applyBulkChange(
      [group],
      { field: 'locations', how: 'replace', locations: [france] },
      tree,
    );
    expect((replaced as AdGroupNode).settings.locations).toEqual([france]);
    expect(addedLocations([], [france, france])).toEqual([france]);
  });

  it('changes the ads’ call to action, landing page, text and identity, one at a time', () => {
    const first = ad('a1', 'g1', { adText: 'First', landingPageUrl: 'https://one.example' });
    const second = ad('a2', 'g1', { adText: 'Second', callToAction: 'SHOP_NOW' });
    const tree = treeOf(first, second);
    const identity = { type: 'CUSTOMIZED_USER', id: '7311', displayName: 'Northwind' } as const;

    const withCall = applyBulkChange(
      [first, second],
      { field: 'callToAction', callToAction: 'SIGN_UP' },
      tree,
    );
    expect(withCall.map((node) => (node as AdNode).settings.callToAction)).toEqual(['SIGN_UP', 'SIGN_UP']);
    expect(withCall.map((node) => (node as AdNode).settings.adText)).toEqual(['First', 'Second']);

    const withPage = applyBulkChange(
      [first, second],
      { field: 'landingPageUrl', url: 'https://two.example' },
      tree,
    );
    expect(withPage.map((node) => (node as AdNode).settings.landingPageUrl)).toEqual([
      'https://two.example',
      'https://two.example',
    ]);
    const withText = applyBulkChange([first], { field: 'adText', text: 'Summer sale' }, tree);
    expect((withText[0] as AdNode).settings).toEqual({ ...first.settings, adText: 'Summer sale' });
    const withIdentity = applyBulkChange([second], { field: 'identity', identity }, tree);
    expect((withIdentity[0] as AdNode).settings).toEqual({ ...second.settings, identity });
  });

  it('leaves nodes of another level untouched', () => {
    const parent = campaign('c1');
    const [same] = applyBulkChange([parent], { field: 'adText', text: 'Hello' }, treeOf(parent));
    expect(same).toBe(parent);
  });
});
