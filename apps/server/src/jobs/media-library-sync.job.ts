import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

const account = z.object({ workspaceId: z.uuid(), advertiserId: z.string().regex(/^\d{1,20}$/) });

/** One ad account's creative library read from TikTok (issue 13): one run per account at a time. */
export const mediaLibrarySyncJob = (services: Services) =>
  defineJob({
    name: 'tiktok-media-sync',
    lane: 'sync',
    policy: 'stately',
    singletonKey: ({ workspaceId, advertiserId }) => `${workspaceId}:${advertiserId}`,
    payload: account,
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    run: ({ workspaceId, advertiserId }) => services.mediaLibrary.syncAccount(workspaceId, advertiserId),
  });

/**
 * Hourly, every library read again: people add creatives in TikTok Ads Manager too, and video
 * preview links expire.
 */
export const mediaLibrarySweepJob = (services: Services) =>
  defineJob({
    name: 'tiktok-media-sweep',
    lane: 'sync',
    policy: 'stately',
    payload: z.object({}),
    retry: { limit: 0, delaySeconds: 60, backoff: false },
    recurring: { cron: '17 * * * *', payload: {} },
    run: async () => ({ queued: await services.mediaLibrary.queueEveryAccount() }),
  });
