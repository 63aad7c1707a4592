import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/** Rows per page: each page is one query, each row one conditional update. */
const batchSize = 100;

/**
 * Re-encrypts every stored TikTok token sealed with an older key (TOKEN_ENCRYPTION_PREVIOUS_KEYS)
 * with the current TOKEN_ENCRYPTION_KEY. Sent at start-up when any row needs it, and run daily to
 * catch a token a not-yet-restarted process sealed with the old key during a rolling deploy.
 * Safe to run twice: a rerun finds only rows still on an old key. `stately`: at most one queued.
 */
export const tiktokTokenRotationJob = (services: Services) =>
  defineJob({
    name: 'tiktok-token-rotation',
    lane: 'sync',
    payload: z.object({}),
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    policy: 'stately',
    recurring: { cron: '43 3 * * *', payload: {} },
    async run() {
      return { ...(await services.tiktokTokenRotation.rotate(batchSize)) };
    },
  });
