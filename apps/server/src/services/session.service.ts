import type { SessionResponse } from '@whathead/contracts';
import { AppError, notFound } from '../errors.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import { keyedHash, randomToken } from '../lib/secret-token.js';
import type { SessionRepository, SessionWithUser } from '../repositories/session.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';

const day = 24 * 60 * 60;
/** Sessions slide: each use within 14 days keeps one alive… */
export const sessionIdleSeconds = 14 * day;
/** …but never past 30 days after it began, however often it is used: a stolen cookie dies too. */
export const sessionAbsoluteSeconds = 30 * day;
/** More browsers than anyone uses: beyond it the oldest session ends, so log-ins in a loop store nothing. */
export const sessionsPerUser = 50;
/** Writing `last_seen_at` on every request would make every read a write; once an hour is enough. */
const touchIntervalSeconds = 60 * 60;

export interface CurrentSession extends SessionWithUser {
  /** True when this request slid the session's expiry forward, so the cookie must be renewed too. */
  renewed: boolean;
}

export class SessionService {
  readonly #sessions: SessionRepository;
  readonly #workspaces: WorkspaceRepository;
  readonly #secret: string;
  readonly #clock: Clock;

  constructor(dependencies: {
    sessions: SessionRepository;
    workspaces: WorkspaceRepository;
    sessionSecret: string;
    clock: Clock;
  }) {
    this.#sessions = dependencies.sessions;
    this.#workspaces = dependencies.workspaces;
    this.#secret = dependencies.sessionSecret;
    this.#clock = dependencies.clock;
  }

  /**
   * Starts a session; the returned token goes into the cookie and nowhere else. After a log-in,
   * `checkedPasswordHash` is the hash the password was checked against: if the password changed
   * meanwhile (a reset, a change), the log-in fails as a wrong password would.
   */
  async start(
    userId: string,
    activeWorkspaceId: string | null,
    checkedPasswordHash?: string,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomToken();
    const now = this.#clock.now();
    const expiresAt = addSeconds(now, sessionIdleSeconds);
    const stored = await this.#sessions.create({
      tokenHash: this.#hash(token),
      userId,
      activeWorkspaceId,
      now,
      expiresAt,
      ...(checkedPasswordHash === undefined ? {} : { passwordHash: checkedPasswordHash }),
    });
    if (!stored)
      throw new AppError('invalid_credentials', 'That email and password do not match an account.');
    await this.#sessions.deleteOldestBeyond(userId, sessionsPerUser);
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<CurrentSession | undefined> {
    const now = this.#clock.now();
    const found = await this.#sessions.findLive(this.#hash(token), now);
    if (!found) return undefined;
    const session: CurrentSession = { ...found, renewed: false };
    if (now.getTime() - session.lastSeenAt.getTime() > touchIntervalSeconds * 1000) {
      const slid = addSeconds(now, sessionIdleSeconds);
      const end = addSeconds(session.createdAt, sessionAbsoluteSeconds);
      session.expiresAt = slid < end ? slid : end;
      session.renewed = true;
      await this.#sessions.touch(session.tokenHash, now, session.expiresAt);
    }
    return session;
  }

  /** Seconds until the session expires, for the cookie's Max-Age: a cookie never outlives its session. */
  secondsLeft(session: { expiresAt: Date }): number {
    return Math.max(0, Math.ceil((session.expiresAt.getTime() - this.#clock.now().getTime()) / 1000));
  }

  async end(session: CurrentSession): Promise<void> {
    await this.#sessions.delete(session.tokenHash);
  }

  /** How many other browsers or devices the user is logged in on. */
  countOthers(session: CurrentSession): Promise<number> {
    return this.#sessions.countOthers(session.userId, session.tokenHash, this.#clock.now());
  }

  /** Logs the user out everywhere but here; returns how many live sessions ended. */
  endOthers(session: CurrentSession): Promise<number> {
    return this.#sessions.deleteForUser(session.userId, {
      exceptTokenHash: session.tokenHash,
      now: this.#clock.now(),
    });
  }

  /** Makes a workspace the session's active one; unknown to a non-member, as if it did not exist. */
  async switchWorkspace(session: CurrentSession, workspaceId: string): Promise<void> {
    const role = await this.#workspaces.roleOf(session.userId, workspaceId);
    if (!role) throw notFound('This workspace');
    await this.#sessions.setActiveWorkspace(session.tokenHash, workspaceId);
    session.activeWorkspaceId = workspaceId;
  }

  /**
   * What the browser may know of its session. The active workspace is always one the user still
   * belongs to. `workspacesAsResolved`: answer with the workspaces read with the session at the
   * start of this request, for a request that changed none; otherwise they are read again.
   */
  async describe(
    session: CurrentSession | undefined,
    csrfToken: string,
    options: { workspacesAsResolved?: boolean } = {},
  ): Promise<SessionResponse> {
    if (!session) return { user: null, workspaces: [], activeWorkspaceId: null, csrfToken };
    const workspaces = options.workspacesAsResolved
      ? session.workspaces
      : await this.#workspaces.listForUser(session.userId);
    const active =
      workspaces.find((workspace) => workspace.id === session.activeWorkspaceId) ?? workspaces[0];
    return {
      user: { id: session.userId, email: session.email, name: session.name },
      workspaces,
      activeWorkspaceId: active?.id ?? null,
      csrfToken,
    };
  }

  #hash(token: string): string {
    return keyedHash(this.#secret, `session:${token}`);
  }
}
