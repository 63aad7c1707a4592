import type { EmulatorRuntime } from '../runtime.js';
import type { AdRecord, AdgroupRecord, CampaignRecord, ImageRecord, VideoRecord } from '../state/records.js';

/** What exists, independent of any API answer: tests compare the client's view against this. */
export interface GroundTruth {
  campaigns: CampaignRecord[];
  adgroups: AdgroupRecord[];
  ads: AdRecord[];
  images: ImageRecord[];
  videos: VideoRecord[];
}

export const groundTruth = (runtime: EmulatorRuntime): GroundTruth =>
  structuredClone({
    campaigns: [...runtime.store.campaigns.values()],
    adgroups: [...runtime.store.adgroups.values()],
    ads: [...runtime.store.ads.values()],
    images: [...runtime.store.images.values()],
    videos: [...runtime.store.videos.values()],
  });
