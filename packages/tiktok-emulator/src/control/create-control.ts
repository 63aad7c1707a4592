import {
  advertiserStatuses,
  type AdvertiserRole,
  type AdvertiserStatus,
  type BusinessCenterRole,
  type Scenario,
  type ScenarioDefinition,
} from '../scenarios/scenario-schema.js';
import { faultRuleProblem, type FaultRule, type FaultRuleInput } from '../faults/fault-injector.js';
import { businessCentersHolding, grantableAdvertisers } from '../accounts/access.js';
import { fullScope } from '../limits/permission-catalogue.js';
import { emulatorApp } from '../registered-app.js';
import { issueAuthorizationCode } from '../oauth/token-service.js';
import type { EmulatorRuntime } from '../runtime.js';
import { settingProblem } from '../settings-check.js';
import type { EmulatorSettings, SettingsPatch } from '../settings.js';
import { formatDateTime } from '../state/clock.js';
import { findUserByEmail, markChanged } from '../state/store.js';
import { buildReport, type DataLevel, type ReportRow } from '../reports/report-builder.js';
import { reportingNow } from '../reports/report-time.js';
import type { CallRecord } from './call-log.js';
import { groundTruth, type GroundTruth } from './ground-truth.js';

export class ControlError extends Error {
  override name = 'ControlError';
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

export interface ReportTruthQuery {
  advertiserId: string;
  dataLevel: DataLevel;
  granularity?: 'day' | 'hour';
  startDate?: string;
  endDate?: string;
  includeDeleted?: boolean;
}

export interface TokenSummary {
  access_token: string;
  app_id: string;
  user_email: string;
  /**
   * Kept for older callers: the Business Center picked for the grant (picker step or control
   * `bc_id`), else the one Business Center owning every granted account, else null.
   */
  bc_id: string | null;
  /** The Business Centers owning the granted accounts (individually owned ones have none). */
  bc_ids: string[];
  advertiser_ids: string[];
  scope: number[];
  issued_at: string;
  expires_at: string | null;
  refresh_token: string | null;
  state: 'active' | 'revoked' | 'expired';
}

export interface AuthorizationCodeGrant {
  email: string;
  advertiserIds?: string[];
  bcId?: string;
  appId?: string;
  scope?: number[];
}

/** The in-process twin of the control routes: everything a test or benchmark may change or read. */
export interface EmulatorControl {
  loadScenario(scenario: string | ScenarioDefinition, options?: { seed?: number }): Scenario;
  /** Reloads the current scenario and seed: objects, tokens, faults, counters and call log start over. */
  reset(): void;
  scenario(): Scenario;
  /**
   * Skips the pages: the code the consent page would issue. The grant is `advertiserIds` (each
   * must be grantable by the user), else every grantable account of `bcId`, else every grantable
   * account of the user (what the consent page ticks by default).
   */
  issueAuthorizationCode(grant: AuthorizationCodeGrant): string;
  tokens(): TokenSummary[];
  revokeToken(accessToken: string): void;
  expireToken(accessToken: string): void;
  setBusinessCenterRole(change: { email: string; bcId: string; userRole: BusinessCenterRole | null }): void;
  setAdvertiserRole(change: {
    email: string;
    advertiserId: string;
    advertiserRole: AdvertiserRole | null;
  }): void;
  setAdvertiserStatus(change: {
    advertiserId: string;
    status?: AdvertiserStatus;
    apiEligible?: boolean;
  }): void;
  addFault(rule: FaultRuleInput): FaultRule;
  removeFault(id: string): void;
  clearFaults(): void;
  faults(): FaultRule[];
  calls(filter?: { path?: string; code?: number }): CallRecord[];
  clearCalls(): void;
  truth(): GroundTruth;
  /** The report rows TikTok would answer now, as raw counts (spend in thousandths). */
  reportRows(query: ReportTruthQuery): ReportRow[];
  advanceClock(milliseconds: number): number;
  now(): number;
  settings(): EmulatorSettings;
  updateSettings(patch: SettingsPatch): EmulatorSettings;
  registerRedirectUri(uri: string, appId?: string): void;
}

export function createControl(
  runtime: EmulatorRuntime,
  world: {
    load(scenario: string | ScenarioDefinition, seed: number): void;
    registerRedirectUri(uri: string, appId: string): void;
  },
): EmulatorControl {
  const userIdOf = (email: string): string => {
    const user = findUserByEmail(runtime.store, email);
    if (!user) throw new ControlError(`Unknown user ${email}`, 404);
    return user.userId;
  };
  const tokenOf = (accessToken: string) => {
    const token = runtime.store.tokens.get(accessToken);
    if (!token) throw new ControlError('Unknown access token', 404);
    return token;
  };
  return {
    loadScenario(scenario, options) {
      world.load(scenario, options?.seed ?? runtime.seed);
      return runtime.scenario;
    },
    reset() {
      world.load(runtime.scenario, runtime.seed);
    },
    scenario: () => runtime.scenario,
    issueAuthorizationCode({ email, advertiserIds, bcId, appId = emulatorApp.appId, scope }) {
      const app = runtime.store.apps.get(appId);
      if (!app) throw new ControlError(`Unknown app ${appId}`, 404);
      const userId = userIdOf(email);
      if (bcId !== undefined && !runtime.store.businessCenters.has(bcId))
        throw new ControlError(`Unknown Business Center ${bcId}`, 404);
      const grantable = grantableAdvertisers(runtime.store, userId, bcId).map(
        (advertiser) => advertiser.advertiserId,
      );
      const refused = advertiserIds?.find((advertiserId) => !grantable.includes(advertiserId));
      if (refused) throw new ControlError(`${email} cannot grant advertiser ${refused}`);
      return issueAuthorizationCode(runtime, {
        appId,
        userId,
        advertiserIds: advertiserIds ? [...new Set(advertiserIds)] : grantable,
        scope: scope ?? fullScope(app.requestedPermissions),
        ...(bcId !== undefined ? { pickedBcId: bcId } : {}),
      }).code;
    },
    tokens() {
      const now = runtime.clock.now();
      return [...runtime.store.tokens.values()].map((token) => {
        const holding = businessCentersHolding(runtime.store, token.advertiserIds);
        return {
          access_token: token.accessToken,
          app_id: token.appId,
          user_email: runtime.store.users.get(token.userId)?.email ?? '',
          bc_id: token.pickedBcId ?? (holding.length === 1 ? (holding[0] ?? null) : null),
          bc_ids: holding,
          advertiser_ids: token.advertiserIds,
          scope: token.scope,
          issued_at: formatDateTime(token.issuedAt),
          expires_at: token.expiresAt === undefined ? null : formatDateTime(token.expiresAt),
          refresh_token: token.refreshToken ?? null,
          state: token.revoked
            ? 'revoked'
            : token.forcedExpired || (token.expiresAt !== undefined && now >= token.expiresAt)
              ? 'expired'
              : 'active',
        };
      });
    },
    revokeToken(accessToken) {
      tokenOf(accessToken).revoked = true;
      markChanged(runtime.store);
    },
    expireToken(accessToken) {
      tokenOf(accessToken).forcedExpired = true;
      markChanged(runtime.store);
    },
    setBusinessCenterRole({ email, bcId, userRole }) {
      const userId = userIdOf(email);
      if (!runtime.store.businessCenters.has(bcId))
        throw new ControlError(`Unknown Business Center ${bcId}`, 404);
      runtime.store.memberships = runtime.store.memberships.filter(
        (membership) => !(membership.userId === userId && membership.bcId === bcId),
      );
      if (userRole) {
        runtime.store.memberships.push({
          bcId,
          userId,
          userRole,
          financeRole: undefined,
          relationStatus: 'BOUND',
        });
      }
      markChanged(runtime.store);
    },
    setAdvertiserRole({ email, advertiserId, advertiserRole }) {
      const userId = userIdOf(email);
      if (!runtime.store.advertisers.has(advertiserId))
        throw new ControlError(`Unknown advertiser ${advertiserId}`, 404);
      runtime.store.assignments = runtime.store.assignments.filter(
        (assignment) => !(assignment.userId === userId && assignment.advertiserId === advertiserId),
      );
      if (advertiserRole) runtime.store.assignments.push({ advertiserId, userId, advertiserRole });
      markChanged(runtime.store);
    },
    setAdvertiserStatus({ advertiserId, status, apiEligible }) {
      const advertiser = runtime.store.advertisers.get(advertiserId);
      if (!advertiser) throw new ControlError(`Unknown advertiser ${advertiserId}`, 404);
      if (status !== undefined) {
        if (!advertiserStatuses.includes(status))
          throw new ControlError(`Unknown advertiser status ${String(status)}`);
        advertiser.status = status;
      }
      if (apiEligible !== undefined) advertiser.apiEligible = apiEligible;
      // Reports: a disabled account delivers nothing.
      markChanged(runtime.store);
    },
    addFault(rule) {
      const problem = faultRuleProblem(rule);
      if (problem) throw new ControlError(problem);
      return runtime.faults.add(rule);
    },
    removeFault(id) {
      if (!runtime.faults.remove(id)) throw new ControlError(`Unknown fault ${id}`, 404);
    },
    clearFaults: () => runtime.faults.clear(),
    faults: () => runtime.faults.list(),
    calls: (filter) =>
      runtime.calls
        .list()
        .filter(
          (call) =>
            (filter?.path === undefined || call.path === filter.path) &&
            (filter?.code === undefined || call.code === filter.code),
        ),
    clearCalls: () => runtime.calls.clear(),
    truth: () => groundTruth(runtime),
    reportRows: (query) =>
      buildReport(
        runtime,
        {
          advertiserId: query.advertiserId,
          dataLevel: query.dataLevel,
          granularity: query.granularity,
          startDate: query.startDate,
          endDate: query.endDate,
          idFilters: {},
          includeDeleted: query.includeDeleted ?? false,
        },
        // As of the instant the API answers for (uncached: callers may keep and change these rows).
        reportingNow(runtime.clock.now()),
      ),
    advanceClock(milliseconds) {
      runtime.clock.advance(milliseconds);
      return runtime.clock.now();
    },
    now: () => runtime.clock.now(),
    settings: () => structuredClone(runtime.settings),
    updateSettings(patch) {
      for (const [name, value] of Object.entries(patch)) {
        const problem = settingProblem(name, value);
        if (problem) throw new ControlError(problem);
      }
      Object.assign(runtime.settings, structuredClone(patch));
      // Reports read settings (restatementDays): rows kept from before must not answer again.
      markChanged(runtime.store);
      return structuredClone(runtime.settings);
    },
    registerRedirectUri(uri, appId = emulatorApp.appId) {
      world.registerRedirectUri(uri, appId);
    },
  };
}
