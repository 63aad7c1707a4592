import { withCallPriority } from '@whathead/tiktok-client';
import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/** pino's shape, as much of it as the job uses. */
export interface JobLogger {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** Connections read per page: the job never holds every connection in memory. */
const pageSize = 100;

/**
 * Checks every live TikTok connection every four hours, so a revoked or broken connection shows
 * Needs attention, and new or lost ad accounts show on the card, before someone tries to use
 * them. Each check records its own outcome; one connection failing does not stop the others.
 * A check changes nothing a second run would change again, so running twice is harmless. When
 * TikTok failed for every connection it checked, the run fails and pg-boss tries again later.
 */
export const tiktokConnectionHealthJob = (services: Services, logger: JobLogger) =>
  defineJob({
    name: 'tiktok-connection-health',
    lane: 'sync',
    payload: z.object({}),
    retry: { limit: 2, delaySeconds: 300, backoff: true },
    recurring: { cron: '17 */4 * * *', payload: {} },
    async run() {
      let checked = 0;
      let failed = 0;
      let needsAttention = 0;
      let afterId: string | null = null;
      for (;;) {
        const page = await services.tiktokConnections.listAllLive(afterId, pageSize);
        for (const connection of page) {
          try {
            // Each workspace's checks take their turn in the sync lane with everyone else's work.
            const result = await withCallPriority({ lane: 'sync', tenant: connection.workspaceId }, () =>
              services.tiktokConnections.check(undefined, connection.workspaceId, connection.id),
            );
            checked += 1;
            const status = result.connections.find((item) => item.id === connection.id)?.status;
            if (status === 'needs_attention') needsAttention += 1;
          } catch (error) {
            // TikTok busy or down: the check recorded that; the next run tries again.
            failed += 1;
            logger.warn({ err: error, connectionId: connection.id }, 'TikTok connection check failed');
          }
        }
        if (page.length < pageSize) break;
        afterId = page.at(-1)!.id;
      }
      if (failed > 0 && checked === 0)
        throw new Error(`TikTok failed for all ${failed} connections checked.`);
      return { checked, failed, needsAttention };
    },
  });
