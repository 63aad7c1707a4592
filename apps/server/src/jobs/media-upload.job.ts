import { z } from 'zod';
import type { Services } from '../services/services.js';
import { defineJob } from './job.js';

const upload = z.object({ workspaceId: z.uuid(), uploadId: z.uuid() });

// TikTok busy or down: tried again a minute later, then two, then four; after that the restart
// check fails the upload with its reason, for Retry failed.
const retry = { limit: 3, delaySeconds: 60, backoff: true };

/**
 * One file to one ad account, for a bulk batch (`publish` lane). Three at once per process: each
 * mostly waits on the network, and the shared rate budget paces the calls whatever the number.
 */
export const mediaUploadJob = (services: Services) =>
  defineJob({
    name: 'media-upload',
    lane: 'publish',
    concurrency: 3,
    payload: upload,
    retry,
    run: ({ workspaceId, uploadId }) => services.mediaUploadWorker.upload(workspaceId, uploadId),
  });

/** The same for a handful of files a person waits on: their calls go before bulk and sync work. */
export const mediaUploadNowJob = (services: Services) =>
  defineJob({
    name: 'media-upload-now',
    lane: 'interactive',
    concurrency: 2,
    payload: upload,
    retry,
    run: ({ workspaceId, uploadId }) => services.mediaUploadWorker.upload(workspaceId, uploadId),
  });

/** An account's new videos asked after until TikTok finishes processing them (one check per account). */
export const mediaProcessingCheckJob = (services: Services) =>
  defineJob({
    name: 'media-processing-check',
    lane: 'publish',
    policy: 'stately',
    singletonKey: ({ workspaceId, advertiserId }) => `${workspaceId}:${advertiserId}`,
    payload: z.object({ workspaceId: z.uuid(), advertiserId: z.string().regex(/^\d{1,20}$/) }),
    retry: { limit: 5, delaySeconds: 10, backoff: true },
    run: ({ workspaceId, advertiserId }) =>
      services.mediaUploadWorker.checkProcessing(workspaceId, advertiserId),
  });

/** Every minute: uploads a stopped process left behind are picked up again or failed with a reason. */
export const mediaUploadRecoveryJob = (services: Services) =>
  defineJob({
    name: 'media-upload-recovery',
    lane: 'publish',
    policy: 'stately',
    payload: z.object({}),
    retry: { limit: 0, delaySeconds: 60, backoff: false },
    recurring: { cron: '* * * * *', payload: {} },
    run: () => services.mediaUploadWorker.recover(),
  });

/** Daily: originals unused for MEDIA_RETENTION_DAYS removed. */
export const mediaRetentionJob = (services: Services) =>
  defineJob({
    name: 'media-retention',
    lane: 'sync',
    policy: 'stately',
    payload: z.object({}),
    retry: { limit: 1, delaySeconds: 600, backoff: false },
    recurring: { cron: '41 3 * * *', payload: {} },
    run: () => services.mediaUploadWorker.purge(),
  });
