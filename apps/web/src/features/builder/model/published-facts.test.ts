import { newAd, newAdGroup, newCampaign, type DraftDocument, type DraftNode } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { publishedSince, withPublishedFacts } from './published-facts';

const advertiserId = '7200000000000000011';

function tree(): DraftDocument {
  const campaign = newCampaign('c', advertiserId, 'Spring');
  const adGroup = newAdGroup('g', campaign.key, 'TRAFFIC', 'US');
  const ad = newAd('a', adGroup.key, 'Teaser');
  return { nodes: [campaign, adGroup, ad] };
}

const published = (node: DraftNode, tiktokId: string): DraftNode =>
  ({ ...node, tiktokId, published: node.settings }) as DraftNode;

describe('keeping mine over a version a publish wrote back', () => {
  it('takes the TikTok ids the publish wrote, and keeps every edit of mine', () => {
    const base = tree();
    const theirs = { nodes: base.nodes.map((node, index) => published(node, `180000000000000000${index}`)) };
    const mine = {
      nodes: base.nodes.map((node) =>
        node.level === 'campaign'
          ? ({ ...node, settings: { ...node.settings, name: 'Spring sale' } } as DraftNode)
          : node,
      ),
    };
    const kept = withPublishedFacts(mine, base, theirs);
    expect(kept.nodes.map((node) => [node.settings.name, node.tiktokId])).toEqual([
      ['Spring sale', '1800000000000000000'],
      ['US', '1800000000000000001'],
      ['Teaser', '1800000000000000002'],
    ]);
    expect(kept.nodes.every((node) => node.published !== null)).toBe(true);
  });

  it('keeps an id this tab cleared on purpose, and leaves nodes only this tab has', () => {
    const base = { nodes: tree().nodes.map((node, index) => published(node, `180000000000000000${index}`)) };
    const theirs = base;
    // This tab moved the ad under a new ad group: a move clears its id, and the new group is new.
    const group = newAdGroup('g2', 'c', 'TRAFFIC', 'EU');
    const mine = {
      nodes: [
        ...base.nodes.map((node) =>
          node.level === 'ad'
            ? ({ ...node, parentKey: 'g2', tiktokId: null, published: null } as DraftNode)
            : node,
        ),
        group,
      ],
    };
    expect(withPublishedFacts(mine, base, theirs)).toBe(mine);
  });
});

describe('telling a publish’s version from a person’s', () => {
  it('sees new ids, or settings as published that changed, and nothing else', () => {
    const base = { nodes: tree().nodes.map((node, index) => published(node, `180000000000000000${index}`)) };
    expect(publishedSince(base, base)).toBe(false);
    const renamed = {
      nodes: base.nodes.map(
        (node) => ({ ...node, settings: { ...node.settings, name: 'Renamed' } }) as DraftNode,
      ),
    };
    expect(publishedSince(base, renamed)).toBe(false);
    // An update publish writes the settings it sent as what TikTok has.
    const updated = {
      nodes: renamed.nodes.map((node) => ({ ...node, published: node.settings }) as DraftNode),
    };
    expect(publishedSince(base, updated)).toBe(true);
    expect(publishedSince(tree(), base)).toBe(true);
  });
});
