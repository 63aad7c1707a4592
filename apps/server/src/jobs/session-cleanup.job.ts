import { z } from 'zod';
import type { Clock } from '../lib/clock.js';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

const day = 24 * 60 * 60 * 1000;

/**
 * Sweeps what has ended: expired sessions, log-in throttles a day old, invitations that ended
 * a month ago, and TikTok authorization states a day past expiry. Deleting what is already gone is a no-op, so a second run is harmless.
 */
export const sessionCleanupJob = (services: Services, clock: Clock) =>
  defineJob({
    name: 'session-cleanup',
    payload: z.object({}),
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    recurring: { cron: '*/15 * * * *', payload: {} },
    async run() {
      const now = clock.now();
      const { sessions, throttles, invitations, tiktokStates } = services.housekeeping;
      return {
        sessionsDeleted: await sessions.deleteExpired(now),
        throttlesDeleted: await throttles.deleteOlderThan(new Date(now.getTime() - day)),
        invitationsDeleted: await invitations.deleteEndedBefore(new Date(now.getTime() - 30 * day)),
        // Kept a day past expiry: a used code's hash must outlive the code's hour at TikTok (§1.2).
        tiktokStatesDeleted: await tiktokStates.deleteExpiredBefore(new Date(now.getTime() - day)),
      };
    },
  });
