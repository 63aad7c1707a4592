import type { Database } from '@whathead/db';
import type { Clock } from '../lib/clock.js';
import type { PasswordCost } from '../lib/password.js';
import { InvitationRepository } from '../repositories/invitation.repository.js';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository.js';
import { SessionRepository } from '../repositories/session.repository.js';
import { UserRepository } from '../repositories/user.repository.js';
import { WorkspaceRepository } from '../repositories/workspace.repository.js';
import { AccountService } from './account.service.js';
import { InvitationService } from './invitation.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionService } from './session.service.js';
import { WorkspaceService } from './workspace.service.js';

export interface ServiceSettings {
  sessionSecret: string;
  publicUrl: string;
  passwordCost: PasswordCost;
}

export type Services = ReturnType<typeof createServices>;

/** Wires repositories into services once per process; routes and jobs receive the result. */
export function createServices(database: Database, settings: ServiceSettings, clock: Clock) {
  const workspaceRepository = new WorkspaceRepository(database);
  const sessionRepository = new SessionRepository(database);
  const invitationRepository = new InvitationRepository(database);
  const throttleRepository = new LoginThrottleRepository(database);
  const workspaces = new WorkspaceService({ workspaces: workspaceRepository });
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
    users: new UserRepository(database),
    workspaces: workspaceRepository,
    invitations,
    throttle: new LoginThrottleService({ throttles: throttleRepository, clock }),
    passwordCost: settings.passwordCost,
  });
  return {
    accounts,
    sessions,
    workspaces,
    invitations,
    /** Housekeeping for the cleanup job: repositories it sweeps, nothing more. */
    housekeeping: {
      sessions: sessionRepository,
      invitations: invitationRepository,
      throttles: throttleRepository,
    },
  };
}
