import type { Services } from '../services/services.js';
import type { JobDefinition } from './job.js';
import { expiredRecordsCleanupJob } from './expired-records-cleanup.job.js';
import { mediaLibrarySweepJob, mediaLibrarySyncJob } from './media-library-sync.job.js';
import {
  mediaProcessingCheckJob,
  mediaRetentionJob,
  mediaUploadJob,
  mediaUploadNowJob,
  mediaUploadRecoveryJob,
} from './media-upload.job.js';
import { draftPublishJob, draftPublishRecoveryJob } from './draft-publish.job.js';
import { tableStatisticsJob } from './table-statistics.job.js';
import { tiktokCampaignSweepJob, tiktokCampaignSyncJob } from './tiktok-campaign-sync.job.js';
import {
  tiktokReportMaintenanceJob,
  tiktokReportSweepJob,
  tiktokReportSyncJob,
} from './tiktok-report-sync.job.js';
import { tiktokConnectionCheckJob } from './tiktok-connection-check.job.js';
import { tiktokConnectionHealthJob, type JobLogger } from './tiktok-connection-health.job.js';
import { tiktokTokenRotationJob } from './tiktok-token-rotation.job.js';

/** Every job this build knows; a worker works all of them. */
export const createJobDefinitions = (services: Services, logger: JobLogger): JobDefinition[] => [
  expiredRecordsCleanupJob(services),
  tiktokConnectionHealthJob(services, logger),
  tiktokConnectionCheckJob(services),
  tiktokTokenRotationJob(services),
  tiktokCampaignSyncJob(services),
  tiktokCampaignSweepJob(services),
  tiktokReportSyncJob(services),
  tiktokReportSweepJob(services),
  tiktokReportMaintenanceJob(services),
  tableStatisticsJob(services),
  mediaLibrarySyncJob(services),
  mediaLibrarySweepJob(services),
  mediaUploadJob(services),
  mediaUploadNowJob(services),
  mediaProcessingCheckJob(services),
  mediaUploadRecoveryJob(services),
  mediaRetentionJob(services),
  draftPublishJob(services),
  draftPublishRecoveryJob(services),
];
