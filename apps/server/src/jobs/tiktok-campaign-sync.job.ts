import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/**
 * One ad account's campaign mirror pass (issue 11). One run per account at a time, one queued
 * behind it. TikTok busy or down fails the run, which pg-boss retries later; a broken connection
 * ends it (Reconnect and the 15-minute pass queue the next).
 */
export const tiktokCampaignSyncJob = (services: Services) =>
  defineJob({
    name: 'tiktok-campaign-sync',
    lane: 'sync',
    policy: 'stately',
    singletonKey: ({ workspaceId, advertiserId }) => `${workspaceId}:${advertiserId}`,
    // Two accounts at once: one account's pass spends much of its time waiting on TikTok and
    // writing pages, and the shared budget keeps the sum within TikTok's limit (decision 0011).
    concurrency: 2,
    payload: z.object({ workspaceId: z.uuid(), advertiserId: z.string().regex(/^\d{1,20}$/) }),
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    run: ({ workspaceId, advertiserId }) => services.campaignMirror.syncAccount(workspaceId, advertiserId),
  });

/** Every 15 minutes, a pass for every ad account that syncs. */
export const tiktokCampaignSweepJob = (services: Services) =>
  defineJob({
    name: 'tiktok-campaign-sweep',
    lane: 'sync',
    policy: 'stately',
    payload: z.object({}),
    retry: { limit: 0, delaySeconds: 60, backoff: false },
    recurring: { cron: '*/15 * * * *', payload: {} },
    run: async () => ({ queued: await services.campaignMirror.queueEverySyncingAccount() }),
  });
