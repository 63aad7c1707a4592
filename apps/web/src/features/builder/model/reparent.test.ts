import { indexDraft } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { ad, adGroup, campaign, documentOf, springAndAutumn } from '../testing/draft-fixtures';
import { reparentNodes, reparentRefusal, validParents } from './reparent';

describe('reparenting', () => {
  it('moves an ad group to another campaign, and clears the TikTok ids of it and everything under it', () => {
    const outcome = reparentNodes(springAndAutumn(), ['spring-group'], 'autumn');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const byKey = new Map(outcome.document.nodes.map((node) => [node.key, node]));
    expect(byKey.get('spring-group')).toMatchObject({ parentKey: 'autumn', tiktokId: null, published: null });
    expect(byKey.get('spring-ad-1')).toMatchObject({
      parentKey: 'spring-group',
      tiktokId: null,
      published: null,
    });
    // The campaign it left is still what TikTok has.
    expect(byKey.get('spring')?.tiktokId).toBe('1801');
    expect(outcome.note).toMatch(/published as new/);
  });

  it('follows the hierarchy: ad groups under campaigns, ads under ad groups', () => {
    const document = springAndAutumn();
    const tree = indexDraft(document);
    const node = (key: string) => tree.byKey.get(key)!;
    expect(reparentRefusal(tree, node('spring-ad-1'), node('autumn'))).toBe(
      'An ad goes under an ad group, not under a campaign.',
    );
    expect(reparentRefusal(tree, node('autumn-group'), node('spring-ad-1'))).toBe(
      'An ad group goes under a campaign, not under an ad.',
    );
    expect(reparentRefusal(tree, node('spring'), node('autumn'))).toMatch(/campaign can’t go under anything/);
    expect(reparentRefusal(tree, node('spring-ad-1'), node('autumn-group'))).toBeNull();
    expect(reparentNodes(document, ['spring-ad-1'], 'autumn')).toEqual({
      ok: false,
      message: 'An ad goes under an ad group, not under a campaign.',
    });
  });

  it('refuses a node under itself or under its own descendants', () => {
    // A broken document (an ad group under an ad) is where a cycle could be made.
    const document = documentOf(campaign('c'), adGroup('g', 'c'), ad('a', 'g'));
    const tree = indexDraft(document);
    expect(reparentRefusal(tree, tree.byKey.get('g')!, tree.byKey.get('g'))).toBe(
      'An ad group can’t go under itself.',
    );
    const looped = indexDraft(documentOf(campaign('c'), adGroup('g', 'c'), adGroup('inner', 'g')));
    expect(reparentRefusal(looped, looped.byKey.get('g')!, looped.byKey.get('inner'))).toBe(
      'An ad group can’t go under something inside it.',
    );
  });

  it('leaves a node already under the parent as it is', () => {
    expect(reparentNodes(springAndAutumn(), ['spring-group'], 'spring')).toEqual({
      ok: false,
      message: 'Already under “Spring”.',
    });
  });

  it('offers as places to move to the parents every selected node accepts', () => {
    const tree = indexDraft(springAndAutumn());
    expect(validParents(tree, ['spring-ad-1']).map((node) => node.key)).toEqual(['autumn-group']);
    expect(validParents(tree, ['spring-group']).map((node) => node.key)).toEqual(['autumn']);
    expect(validParents(tree, ['spring-group', 'spring-ad-1'])).toEqual([]);
  });
});
