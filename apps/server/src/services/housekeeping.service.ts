import type { Clock } from '../lib/clock.js';
import type { InvitationRepository } from '../repositories/invitation.repository.js';
import type { PasswordResetRepository } from '../repositories/password-reset.repository.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { ThrottleRepository } from '../repositories/throttle.repository.js';
import type { TikTokOauthStateRepository } from '../repositories/tiktok-oauth-state.repository.js';
import type { TikTokRateLimitRepository } from '../repositories/tiktok-rate-limit.repository.js';
import type { ReportExportService } from './report-export.service.js';

const day = 24 * 60 * 60 * 1000;

export interface SweepOutcome {
  sessionsDeleted: number;
  throttlesDeleted: number;
  invitationsDeleted: number;
  passwordResetsDeleted: number;
  tiktokStatesDeleted: number;
  tiktokRateRecordsDeleted: number;
  reportExportsDeleted: number;
}

/**
 * Forgets records whose life has ended. Deleting what is already gone is a no-op, so a sweep can
 * run twice, or on two workers at once.
 */
interface HousekeepingDependencies {
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  invitations: InvitationRepository;
  passwordResets: PasswordResetRepository;
  tiktokStates: TikTokOauthStateRepository;
  tiktokRateBudget: TikTokRateLimitRepository;
  reportExports: ReportExportService;
  clock: Clock;
}

export class HousekeepingService {
  readonly #dependencies: HousekeepingDependencies;

  constructor(dependencies: HousekeepingDependencies) {
    this.#dependencies = dependencies;
  }

  async sweep(): Promise<SweepOutcome> {
    const {
      sessions,
      throttles,
      invitations,
      passwordResets,
      tiktokStates,
      tiktokRateBudget,
      reportExports,
      clock,
    } = this.#dependencies;
    const now = clock.now().getTime();
    return {
      sessionsDeleted: await sessions.deleteExpired(new Date(now)),
      // A counter whose window has ended counts nothing.
      throttlesDeleted: await throttles.deleteEndedBefore(new Date(now)),
      // Ended invitations are kept a month so an inviter can still see what happened to a link.
      invitationsDeleted: await invitations.deleteEndedBefore(new Date(now - 30 * day)),
      // A used reset link is deleted when used; an expired one is of no use to anyone.
      passwordResetsDeleted: await passwordResets.deleteExpiredBefore(new Date(now)),
      // Kept a day past expiry: a used code's hash must outlive the code's hour at TikTok (§1.2).
      tiktokStatesDeleted: await tiktokStates.deleteExpiredBefore(new Date(now - day)),
      tiktokRateRecordsDeleted: await tiktokRateBudget.deleteIdle(now),
      // A running export's process beats every half minute; one silent for minutes died.
      reportExportsDeleted: await reportExports.sweep(),
    };
  }
}
