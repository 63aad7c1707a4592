import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

/**
 * One publish of a draft (`publish` lane). A run that TikTok being busy or down stopped is tried
 * again by pg-boss; one whose process died is picked up by the recovery sweep once its lease
 * lapses. Either way the journal makes the next run reconcile before it sends anything again.
 */
export const draftPublishJob = (services: Services) =>
  defineJob({
    name: 'draft-publish',
    lane: 'publish',
    concurrency: 2,
    payload: z.object({ workspaceId: z.uuid(), publishId: z.uuid() }),
    retry: { limit: 5, delaySeconds: 15, backoff: true },
    run: ({ publishId }) => services.publishRunner.run(publishId),
  });

/** Every minute (and when a worker starts): publishes whose process stopped are queued again. */
export const draftPublishRecoveryJob = (services: Services) =>
  defineJob({
    name: 'draft-publish-recovery',
    lane: 'publish',
    // Not `stately`: a worker killed mid-sweep would leave an active run that blocks the next
    // sweep until pg-boss expires it (15 minutes). Two sweeps at once only queue a publish twice,
    // and its lease lets one run it.
    payload: z.object({}),
    retry: { limit: 0, delaySeconds: 60, backoff: false },
    recurring: { cron: '* * * * *', payload: {} },
    run: () => services.publishRecovery.recover(),
  });
