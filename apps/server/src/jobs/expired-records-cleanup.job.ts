import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/**
 * Every 15 minutes, forget what has ended: expired sessions, old throttles, ended invitations,
 * OAuth states, CSV exports whose process died (with their rows), and TikTok sign-ins held for a
 * choice that never came (their tokens given back).
 */
export const expiredRecordsCleanupJob = (services: Services) =>
  defineJob({
    name: 'expired-records-cleanup',
    lane: 'sync',
    payload: z.object({}),
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    recurring: { cron: '*/15 * * * *', payload: {} },
    run: async () => ({
      ...(await services.housekeeping.sweep()),
      tiktokGrants: await services.tiktokGrants.releaseExpired(),
    }),
  });
