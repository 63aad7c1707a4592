import type { Clock } from '../lib/clock.js';
import type { Services } from '../services/services.js';
import type { JobDefinition } from './job.js';
import { sessionCleanupJob } from './session-cleanup.job.js';
import { tiktokConnectionHealthJob } from './tiktok-connection-health.job.js';

/** Every job this build knows; a worker works all of them. */
export const createJobDefinitions = (services: Services, clock: Clock): JobDefinition[] => [
  sessionCleanupJob(services, clock),
  tiktokConnectionHealthJob(services),
];
