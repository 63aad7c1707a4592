import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/**
 * The planner's statistics of the tables a sync just wrote, refreshed apart from the sync so its
 * slot goes on to the next account. One run waiting per set of tables: the syncs of many accounts
 * ending together need one refresh after them, not one each.
 */
export const tableStatisticsJob = (services: Services) =>
  defineJob({
    name: 'table-statistics',
    // It makes no TikTok call; the lane is only the job's kind.
    lane: 'sync',
    policy: 'stately',
    singletonKey: ({ tables }) => tables,
    payload: z.object({ tables: z.enum(['reports', 'mirror']) }),
    // A refresh that failed says so in its outcome; the daily upkeep catches up.
    retry: { limit: 0, delaySeconds: 60, backoff: false },
    run: ({ tables }) => services.tableStatistics.refresh(tables),
  });
