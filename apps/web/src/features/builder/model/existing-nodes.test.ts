import { indexDraft } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import {
  ad,
  adGroup,
  campaign,
  countingKeys,
  documentOf,
  published,
  springAndAutumn,
} from '../testing/draft-fixtures';
import { expandQuery, insertExisting } from './existing-nodes';

// As the server sends them: its own keys, TikTok's ids and settings.
const loadedSpring = [
  published(campaign('srv-c1'), '1801'),
  published(adGroup('srv-g1', 'srv-c1'), '1701'),
  published(ad('srv-a1', 'srv-g1'), '1601'),
];
const loadedSummer = [published(campaign('srv-c2'), '1802'), published(adGroup('srv-g2', 'srv-c2'), '1702')];

describe('Select existing', () => {
  it('adds loaded campaigns with keys of the draft’s own, and skips those the draft has', () => {
    const document = springAndAutumn();
    const outcome = insertExisting(document, [...loadedSpring, ...loadedSummer], countingKeys());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const added = outcome.document.nodes.slice(document.nodes.length);
    expect(added.map((node) => [node.key, node.parentKey, node.tiktokId])).toEqual([
      ['k1', null, '1802'],
      ['k2', 'k1', '1702'],
    ]);
    expect(added[0]!.published).not.toBeNull();
    expect(outcome.selection).toEqual(['k1']);
    expect(outcome.note).toBe(
      'Added 1 campaign and 1 ad group. 1 campaign was already in the draft and is left as it is.',
    );
  });
});

describe('Expand', () => {
  it('asks for a campaign’s children, or an ad group’s ads, only when none are loaded', () => {
    const document = documentOf(
      published(campaign('c'), '1801'),
      published(adGroup('g', 'c'), '1701'),
      campaign('new'),
    );
    const tree = indexDraft(document);
    expect(expandQuery(tree, tree.byKey.get('c')!)).toBeNull();
    expect(expandQuery(tree, tree.byKey.get('g')!)).toEqual({
      advertiserId: '7200000000000000011',
      adGroups: '1701',
      children: 'true',
    });
    expect(expandQuery(tree, tree.byKey.get('new')!)).toBeNull();
  });

  it('adds the loaded children under the expanded node, matching what the draft has by TikTok id', () => {
    const document = documentOf(published(campaign('mine'), '1801'));
    const outcome = insertExisting(document, loadedSpring, countingKeys(), { under: 'mine' });
    expect(outcome.ok && outcome.document.nodes.map((node) => [node.key, node.parentKey])).toEqual([
      ['mine', null],
      ['k1', 'mine'],
      ['k2', 'k1'],
    ]);
    expect(outcome.ok && outcome.selection).toEqual(['mine']);
  });

  it('puts ads loaded for an ad group under it, whatever parent key the server gave them', () => {
    const document = documentOf(published(campaign('c'), '1801'), published(adGroup('g', 'c'), '1701'));
    const outcome = insertExisting(document, [published(ad('srv-a', 'srv-g'), '1601')], countingKeys(), {
      under: 'g',
    });
    expect(outcome.ok && outcome.document.nodes.at(-1)).toMatchObject({ key: 'k1', parentKey: 'g' });
  });
});
