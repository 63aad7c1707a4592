import {
  newAd,
  newAdGroup,
  newCampaign,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
  type DraftDocument,
  type DraftNode,
} from '@whathead/contracts';

/** Northwind US, the default account in src/testing/fixtures.ts. */
export const usAccount = '7200000000000000011';

export function campaign(key: string, overrides: Partial<CampaignNode> = {}): CampaignNode {
  return { ...newCampaign(key, usAccount, `Campaign ${key}`), ...overrides };
}

export function adGroup(
  key: string,
  parentKey: string | null,
  overrides: Partial<AdGroupNode> = {},
): AdGroupNode {
  return { ...newAdGroup(key, parentKey, 'TRAFFIC', `Ad group ${key}`), ...overrides };
}

export function ad(key: string, parentKey: string | null, overrides: Partial<AdNode> = {}): AdNode {
  return { ...newAd(key, parentKey, `Ad ${key}`), ...overrides };
}

/** A node as TikTok has it: its id, and its settings as published. */
export function published<Node extends DraftNode>(node: Node, tiktokId: string): Node {
  return { ...node, tiktokId, published: structuredClone(node.settings) };
}

export const documentOf = (...nodes: DraftNode[]): DraftDocument => ({ nodes });

/** New keys k1, k2, … in order, so a test can name what an operation creates. */
export function countingKeys(prefix = 'k') {
  let count = 0;
  return () => `${prefix}${(count += 1)}`;
}

/**
 * Spring (published, on TikTok) with one ad group and two ads, and Autumn, new, with one empty
 * ad group: enough for every operation to have something to refuse.
 */
export function springAndAutumn(): DraftDocument {
  return documentOf(
    published(campaign('spring', { settings: { ...campaign('x').settings, name: 'Spring' } }), '1801'),
    published(adGroup('spring-group', 'spring'), '1701'),
    published(ad('spring-ad-1', 'spring-group'), '1601'),
    published(ad('spring-ad-2', 'spring-group'), '1602'),
    campaign('autumn', { settings: { ...campaign('x').settings, name: 'Autumn' } }),
    adGroup('autumn-group', 'autumn'),
  );
}
