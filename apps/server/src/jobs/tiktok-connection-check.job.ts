import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/**
 * One connection's check, asked for when a page loads and its last check is older than 15
 * minutes (issue 9: status is never stale). A check is safe to run twice; TikTok busy or down is
 * recorded by the check itself, and the next page load asks again, so no retry.
 */
export const tiktokConnectionCheckJob = (services: Services) =>
  defineJob({
    name: 'tiktok-connection-check',
    // Queued when someone opens the Integrations page: a person waits on the answer.
    lane: 'interactive',
    payload: z.object({ workspaceId: z.uuid(), connectionId: z.uuid() }),
    retry: { limit: 0, delaySeconds: 60, backoff: false },
    async run({ workspaceId, connectionId }) {
      try {
        const result = await services.tiktokConnections.check(undefined, workspaceId, connectionId);
        return { changes: result.changes.length };
      } catch (error) {
        return { failed: error instanceof Error ? error.message : String(error) };
      }
    },
  });
