import type { ReportLevel } from '@whathead/contracts';

export const levelNouns: Record<ReportLevel, { title: string; many: string }> = {
  campaign: { title: 'Campaigns', many: 'campaigns' },
  adgroup: { title: 'Ad groups', many: 'ad groups' },
  ad: { title: 'Ads', many: 'ads' },
};
