import { CampaignActionService } from './campaign-action.service.js';
import { CampaignTableRepository } from '../repositories/campaign-table.repository.js';
import { TikTokMirrorRepository } from '../repositories/tiktok-mirror.repository.js';
import { TikTokReportAccountsRepository } from '../repositories/tiktok-report-accounts.repository.js';
import { TikTokReportFactsRepository } from '../repositories/tiktok-report-facts.repository.js';
import { TikTokReportQueriesRepository } from '../repositories/tiktok-report-queries.repository.js';
import { ReportExportRepository } from '../repositories/report-export.repository.js';
import { ReportExportService } from './report-export.service.js';
import { ReportService } from './report.service.js';
import { TableStatisticsRepository } from '../repositories/table-statistics.repository.js';
import { TableStatisticsService } from './table-statistics.service.js';
import { CampaignMirrorService } from './campaign-mirror.service.js';
import { hostname, tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { MediaStore } from '../repositories/media/media-store.js';
import { MediaUploadsRepository } from '../repositories/media/media-uploads.repository.js';
import { TikTokMediaAccountsRepository } from '../repositories/media/tiktok-media-accounts.repository.js';
import { TikTokMediaRepository } from '../repositories/media/tiktok-media.repository.js';
import { MediaLibraryService } from './media/media-library.service.js';
import { MediaUploadService } from './media/media-upload.service.js';
import { MediaUploadWorker } from './media/media-upload-worker.js';
import { BuilderAccountsRepository } from '../repositories/builder/builder-accounts.repository.js';
import { BuilderGuardrailsRepository } from '../repositories/builder/builder-guardrails.repository.js';
import { BuilderMirrorRepository } from '../repositories/builder/builder-mirror.repository.js';
import { DraftRepository } from '../repositories/builder/draft.repository.js';
import { BuilderCatalogService } from './builder/builder-catalog.service.js';
import { BuilderGuardrailsService } from './builder/builder-guardrails.service.js';
import { DraftService } from './builder/draft.service.js';
import { ExistingNodesService } from './builder/existing-nodes.service.js';
import { PublishChanges } from '../repositories/builder/publish-changes.js';
import { PublishesRepository } from '../repositories/builder/publishes.repository.js';
import { CreativeFilesRepository } from '../repositories/builder/creative-files.repository.js';
import { PublishRecovery } from './builder/publish-recovery.js';
import { PublishRunner } from './builder/publish-runner.js';
import { PublishService } from './builder/publish.service.js';
import type { Database } from '@whathead/db';
import type { RateLimiter, RateLimits, RateLimitTier, TikTokClient } from '@whathead/tiktok-client';
import type { Clock } from '../lib/clock.js';
import type { Mailer } from '../lib/mailer.js';
import type { PasswordCost } from '../lib/password.js';
import type { TokenCipher } from '../lib/token-cipher.js';
import { InvitationRepository } from '../repositories/invitation.repository.js';
import { PasswordResetRepository } from '../repositories/password-reset.repository.js';
import { SessionRepository } from '../repositories/session.repository.js';
import { ThrottleRepository } from '../repositories/throttle.repository.js';
import { TikTokAuditRepository } from '../repositories/tiktok-audit.repository.js';
import { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import { TikTokEntityChangeRepository } from '../repositories/tiktok-entity-change.repository.js';
import { TikTokOauthStateRepository } from '../repositories/tiktok-oauth-state.repository.js';
import { TikTokPendingGrantRepository } from '../repositories/tiktok-pending-grant.repository.js';
import { TikTokRateLimitRepository } from '../repositories/tiktok-rate-limit.repository.js';
import { UserRepository } from '../repositories/user.repository.js';
import { WorkspaceRepository } from '../repositories/workspace.repository.js';
import { AccountService } from './account.service.js';
import { HousekeepingService } from './housekeeping.service.js';
import { InvitationService } from './invitation.service.js';
import { PasswordHashingService, type HashingLimits } from './password-hashing.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionService } from './session.service.js';
import { ThrottleService, type ThrottleRules } from './throttle.service.js';
import { TikTokAuthorizationService } from './tiktok-authorization.service.js';
import { TikTokConnectionService } from './tiktok-connection.service.js';
import { TikTokGrantService } from './tiktok-grant.service.js';
import { tiktokCallbackPath } from './tiktok-authorization.service.js';
import { TikTokTokenRotationService } from './tiktok-token-rotation.service.js';
import { TikTokUsageService } from './tiktok-usage.service.js';
import { WorkspaceService } from './workspace.service.js';

export interface ServiceSettings {
  sessionSecret: string;
  publicUrl: string;
  passwordCost: PasswordCost;
  /** Mail goes out through SMTP, or into the log when no SMTP server is configured. */
  mailer: Mailer;
  /** Throttles and hashing limits other than the standard ones: only benchmarks set these, to compare. */
  authenticationLimits?: AuthenticationLimits;
  /** One TikTok client per process: it holds the rate limiter every call shares. */
  tiktok: TikTokClient;
  /** The shared TikTok rate budget the client spends (usage and pauses for the Settings panel). */
  tiktokRateLimiter: RateLimiter;
  /** The app's TikTok tier (TIKTOK_RATE_LIMITS): the day budget the usage panel measures against. */
  tiktokRateLimits: RateLimitTier | RateLimits;
  /** True when the built-in emulator stands in for TikTok. */
  usingTikTokEmulator: boolean;
  tokenCipher: TokenCipher;
  /** Uploaded originals (MEDIA_DIR) and how long an unused one is kept; tests default to a temporary folder. */
  media?: { directory: string; retentionDays: number };
  /** How long a publish stays with a process that stopped renewing it (PUBLISH_LEASE_SECONDS). */
  publishLeaseSeconds?: number;
}

/** What protects sign-up and log-in; the standard limits unless a benchmark asks for others. */
export interface AuthenticationLimits {
  throttles: ThrottleRules;
  hashing: HashingLimits;
}

export type Services = ReturnType<typeof createServices>;

/** Wires repositories into services once per process; routes and jobs receive the result. */
export function createServices(database: Database, settings: ServiceSettings, clock: Clock) {
  const workspaceRepository = new WorkspaceRepository(database);
  const sessionRepository = new SessionRepository(database);
  const invitationRepository = new InvitationRepository(database);
  const throttleRepository = new ThrottleRepository(database);
  const userRepository = new UserRepository(database);
  const passwordResetRepository = new PasswordResetRepository(database);
  const throttle = new ThrottleService({
    throttles: throttleRepository,
    clock,
    rules: settings.authenticationLimits?.throttles,
  });
  // One per process: the hashing limit is about this process's CPU cores.
  const passwordHashing = new PasswordHashingService({
    cost: settings.passwordCost,
    limits: settings.authenticationLimits?.hashing,
  });
  const workspaces = new WorkspaceService({ database, workspaces: workspaceRepository });
  const invitations = new InvitationService({
    database,
    invitations: invitationRepository,
    workspaces: workspaceRepository,
    workspaceService: workspaces,
    sessionSecret: settings.sessionSecret,
    publicUrl: settings.publicUrl,
    clock,
  });
  const sessions = new SessionService({
    sessions: sessionRepository,
    workspaces: workspaceRepository,
    sessionSecret: settings.sessionSecret,
    clock,
  });
  const accounts = new AccountService({
    database,
    users: userRepository,
    workspaces: workspaceRepository,
    invitations,
    throttle,
    passwords: passwordHashing,
    sessions: sessionRepository,
    passwordResets: passwordResetRepository,
    clock,
    sessionSecret: settings.sessionSecret,
  });
  const passwordResets = new PasswordResetService({
    database,
    resets: passwordResetRepository,
    users: userRepository,
    sessions: sessionRepository,
    throttle,
    passwords: passwordHashing,
    mailer: settings.mailer,
    sessionSecret: settings.sessionSecret,
    publicUrl: settings.publicUrl,
    clock,
  });
  const tiktokConnectionRepository = new TikTokConnectionRepository(database);
  const tiktokAuditRepository = new TikTokAuditRepository(database);
  const tiktokStateRepository = new TikTokOauthStateRepository(database);
  const tiktokConnections = new TikTokConnectionService({
    database,
    connections: tiktokConnectionRepository,
    audit: tiktokAuditRepository,
    workspaceService: workspaces,
    tiktok: settings.tiktok,
    cipher: settings.tokenCipher,
    tiktokApp: {
      redirectUri: `${settings.publicUrl}${tiktokCallbackPath}`,
      usingEmulator: settings.usingTikTokEmulator,
    },
    clock,
  });
  const tiktokGrants = new TikTokGrantService({
    database,
    grants: new TikTokPendingGrantRepository(database),
    connections: tiktokConnectionRepository,
    audit: tiktokAuditRepository,
    connectionService: tiktokConnections,
    cipher: settings.tokenCipher,
    tiktok: settings.tiktok,
    clock,
  });
  const tiktokAuthorization = new TikTokAuthorizationService({
    states: tiktokStateRepository,
    connections: tiktokConnectionRepository,
    audit: tiktokAuditRepository,
    connectionService: tiktokConnections,
    grants: tiktokGrants,
    tiktok: settings.tiktok,
    rateLimiter: settings.tiktokRateLimiter,
    sessionSecret: settings.sessionSecret,
    publicUrl: settings.publicUrl,
    clock,
  });
  const tiktokTokenRotation = new TikTokTokenRotationService({
    connections: tiktokConnectionRepository,
    cipher: settings.tokenCipher,
  });
  const tiktokUsage = new TikTokUsageService({
    workspaceService: workspaces,
    connections: tiktokConnectionRepository,
    limiter: settings.tiktokRateLimiter,
    rateLimits: settings.tiktokRateLimits,
  });
  const mirrorRepository = new TikTokMirrorRepository(database);
  const tableStatistics = new TableStatisticsService({
    statistics: new TableStatisticsRepository(database),
  });
  const campaignTableRepository = new CampaignTableRepository(database);
  const campaignMirror = new CampaignMirrorService({
    mirror: mirrorRepository,
    table: campaignTableRepository,
    connections: tiktokConnectionRepository,
    connectionService: tiktokConnections,
    workspaceService: workspaces,
    tiktok: settings.tiktok,
    clock,
    statistics: tableStatistics,
  });
  const campaignActions = new CampaignActionService({
    changes: new TikTokEntityChangeRepository(database),
    table: campaignTableRepository,
    mirror: mirrorRepository,
    connections: tiktokConnectionRepository,
    connectionService: tiktokConnections,
    mirrorService: campaignMirror,
    workspaceService: workspaces,
    tiktok: settings.tiktok,
    clock,
  });
  const reportExports = new ReportExportService({ exports: new ReportExportRepository(database), clock });
  const reports = new ReportService({
    accounts: new TikTokReportAccountsRepository(database),
    facts: new TikTokReportFactsRepository(database),
    queries: new TikTokReportQueriesRepository(database),
    mirror: mirrorRepository,
    connections: tiktokConnectionRepository,
    connectionService: tiktokConnections,
    workspaceService: workspaces,
    tiktok: settings.tiktok,
    clock,
    throttles: throttleRepository,
    exports: reportExports,
    statistics: tableStatistics,
  });
  const mediaLibraryRepository = new TikTokMediaRepository(database);
  const mediaAccountsRepository = new TikTokMediaAccountsRepository(database);
  const mediaUploadsRepository = new MediaUploadsRepository(database);
  const media = settings.media ?? { directory: path.join(tmpdir(), 'whathead-media'), retentionDays: 30 };
  const mediaStore = new MediaStore(media.directory);
  const mediaLibrary = new MediaLibraryService({
    library: mediaLibraryRepository,
    accounts: mediaAccountsRepository,
    connections: tiktokConnectionRepository,
    connectionService: tiktokConnections,
    workspaceService: workspaces,
    tiktok: settings.tiktok,
    clock,
  });
  const mediaUploads = new MediaUploadService({
    uploads: mediaUploadsRepository,
    store: mediaStore,
    library: mediaLibrary,
    workspaceService: workspaces,
    clock,
  });
  const mediaUploadWorker = new MediaUploadWorker({
    uploads: mediaUploadsRepository,
    library: mediaLibraryRepository,
    accounts: mediaAccountsRepository,
    connections: tiktokConnectionRepository,
    connectionService: tiktokConnections,
    tiktok: settings.tiktok,
    store: mediaStore,
    clock,
    retentionDays: media.retentionDays,
  });
  const builderAccountsRepository = new BuilderAccountsRepository(database);
  const builderGuardrailsRepository = new BuilderGuardrailsRepository(database);
  const publishChanges = new PublishChanges(database);
  const publishesRepository = new PublishesRepository(database, publishChanges);
  const drafts = new DraftService({
    drafts: new DraftRepository(database),
    accounts: builderAccountsRepository,
    guardrails: builderGuardrailsRepository,
    publishes: publishesRepository,
    workspaceService: workspaces,
    clock,
  });
  const builderGuardrails = new BuilderGuardrailsService({
    guardrails: builderGuardrailsRepository,
    workspaceService: workspaces,
    clock,
  });
  const builderCatalog = new BuilderCatalogService({
    accounts: builderAccountsRepository,
    connections: tiktokConnectionRepository,
    connectionService: tiktokConnections,
    workspaceService: workspaces,
    tiktok: settings.tiktok,
    clock,
  });
  const builderExisting = new ExistingNodesService({
    accounts: builderAccountsRepository,
    mirror: new BuilderMirrorRepository(database),
    workspaceService: workspaces,
    regionNames: (workspaceId, advertiserId) => builderCatalog.regionNames(workspaceId, advertiserId),
  });
  const creativeFiles = new CreativeFilesRepository(database);
  const publishes = new PublishService({
    publishes: publishesRepository,
    drafts: new DraftRepository(database),
    accounts: builderAccountsRepository,
    guardrails: builderGuardrailsRepository,
    audit: tiktokAuditRepository,
    creativeFiles,
    mediaUploads,
    workspaceService: workspaces,
    changes: publishChanges,
    clock,
  });
  const publishRunner = new PublishRunner({
    publishes: publishesRepository,
    connections: tiktokConnectionRepository,
    connectionService: tiktokConnections,
    accounts: async (workspaceId, advertiserId) =>
      (await builderAccountsRepository.selected(workspaceId)).find(
        (account) => account.advertiserId === advertiserId,
      ),
    tiktok: settings.tiktok,
    creativeFiles,
    clock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMilliseconds: (settings.publishLeaseSeconds ?? 30) * 1000,
  });
  const publishRecovery = new PublishRecovery({ publishes: publishesRepository, clock });
  return {
    accounts,
    drafts,
    publishes,
    publishRunner,
    publishRecovery,
    builderGuardrails,
    builderExisting,
    builderCatalog,
    tableStatistics,
    mediaLibrary,
    mediaUploads,
    mediaUploadWorker,
    mediaStore,
    campaignMirror,
    reports,
    reportExports,
    campaignActions,
    passwordResets,
    passwordHashing,
    tiktokConnections,
    tiktokAuthorization,
    tiktokGrants,
    tiktokTokenRotation,
    tiktokUsage,
    /** The process's one TikTok client (its rate limiter is shared by every call). */
    tiktokClient: settings.tiktok,
    tiktokRateLimiter: settings.tiktokRateLimiter,
    sessions,
    workspaces,
    invitations,
    housekeeping: new HousekeepingService({
      sessions: sessionRepository,
      invitations: invitationRepository,
      throttles: throttleRepository,
      passwordResets: passwordResetRepository,
      tiktokStates: tiktokStateRepository,
      tiktokRateBudget: new TikTokRateLimitRepository(database),
      reportExports,
      clock,
    }),
  };
}
