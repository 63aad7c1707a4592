import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/**
 * Checks every live TikTok connection every four hours, so a revoked or broken connection shows
 * Needs attention before someone tries to use it. A check only reads from TikTok and records the
 * outcome, so running twice is harmless; one connection failing does not stop the others.
 */
export const tiktokConnectionHealthJob = (services: Services) =>
  defineJob({
    name: 'tiktok-connection-health',
    payload: z.object({}),
    retry: { limit: 2, delaySeconds: 300, backoff: true },
    recurring: { cron: '17 */4 * * *', payload: {} },
    async run() {
      let checked = 0;
      let failed = 0;
      for (const connection of await services.tiktokConnections.listAllLive()) {
        try {
          await services.tiktokConnections.check(undefined, connection.workspaceId, connection.id);
          checked += 1;
        } catch {
          // TikTok busy or down: the connection is left as it was; the next run tries again.
          failed += 1;
        }
      }
      return { checked, failed };
    },
  });
