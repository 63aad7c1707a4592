import type { TikTokClient } from '@whathead/tiktok-client';
import type { TikTokMirrorRepository } from '../repositories/tiktok-mirror.repository.js';

export interface AdParents {
  campaignId: string;
  adGroupId: string;
}

/** /ad/get/ takes at most 100 ids a call (reference §4.1). */
const idsPerCall = 100;

/**
 * The campaign and ad group of the ads a report names, for a TikTok that does not answer them as
 * report metrics (emulator setting `reportParentIdMetrics`): from the campaign mirror, and from
 * /ad/get/ for ads it does not hold yet (made since its last sync). Each ad is looked up once per
 * sync; an ad TikTok does not find either stays without parents, and its rows are left out.
 */
export function adParentsReader(context: {
  mirror: TikTokMirrorRepository;
  tiktok: TikTokClient;
  accessToken: string;
  workspaceId: string;
  advertiserId: string;
}): (adIds: readonly string[]) => Promise<ReadonlyMap<string, AdParents>> {
  const known = new Map<string, AdParents>();
  const asked = new Set<string>();
  return async (adIds) => {
    const missing = [...new Set(adIds)].filter((adId) => !asked.has(adId));
    if (missing.length === 0) return known;
    for (const adId of missing) asked.add(adId);
    const mirrored = await context.mirror.adParents(context.workspaceId, context.advertiserId, missing);
    for (const [adId, parents] of mirrored) known.set(adId, parents);
    const unknown = missing.filter((adId) => !known.has(adId));
    for (let start = 0; start < unknown.length; start += idsPerCall) {
      const page = await context.tiktok.ads.get({
        accessToken: context.accessToken,
        advertiserId: context.advertiserId,
        // Deleted ads still have figures in the report (read with STATUS_ALL).
        filtering: { adIds: unknown.slice(start, start + idsPerCall), primaryStatus: 'STATUS_ALL' },
        pageSize: idsPerCall,
      });
      for (const ad of page.items)
        if (ad.campaignId && ad.adGroupId)
          known.set(ad.adId, { campaignId: ad.campaignId, adGroupId: ad.adGroupId });
      await context.tiktok.betweenSends();
    }
    return known;
  };
}
