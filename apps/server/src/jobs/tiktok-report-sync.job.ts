import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/**
 * One ad account's report sync (issue 12). One run per account at a time, one queued behind it.
 * TikTok busy or down fails the run, which pg-boss retries later; the days stored stay, and the
 * retry goes on from them. A broken connection ends it (Reconnect queues the next).
 */
export const tiktokReportSyncJob = (services: Services) =>
  defineJob({
    name: 'tiktok-report-sync',
    lane: 'sync',
    policy: 'stately',
    singletonKey: ({ workspaceId, advertiserId }) => `${workspaceId}:${advertiserId}`,
    // As the campaign sync: two accounts at once keep the shared budget busy while each writes.
    concurrency: 2,
    payload: z.object({ workspaceId: z.uuid(), advertiserId: z.string().regex(/^\d{1,20}$/) }),
    retry: { limit: 5, delaySeconds: 60, backoff: true },
    run: ({ workspaceId, advertiserId }) => services.reports.syncAccount(workspaceId, advertiserId),
  });

/**
 * Every hour, a sync of every account: today's numbers so far, and the days TikTok may still
 * revise. TikTok's reports lag by hours; more often would spend the budget on the same numbers.
 */
export const tiktokReportSweepJob = (services: Services) =>
  defineJob({
    name: 'tiktok-report-sweep',
    lane: 'sync',
    policy: 'stately',
    payload: z.object({}),
    retry: { limit: 0, delaySeconds: 60, backoff: false },
    recurring: { cron: '7 * * * *', payload: {} },
    run: async () => ({ queued: await services.reports.queueEverySyncingAccount() }),
  });

/** Daily: month partitions created three months ahead, hourly rows past retention deleted. */
export const tiktokReportMaintenanceJob = (services: Services) =>
  defineJob({
    name: 'tiktok-report-maintenance',
    lane: 'sync',
    policy: 'stately',
    payload: z.object({}),
    retry: { limit: 2, delaySeconds: 300, backoff: true },
    recurring: { cron: '17 3 * * *', payload: {} },
    run: () => services.reports.maintain(),
  });
