import type { ChangePasswordInput, LogInInput, SignUpInput } from '@whathead/contracts';
import type { Database, UserRow } from '@whathead/db';
import { AppError, validationFailed } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';
import type { InvitationService } from './invitation.service.js';
import type { PasswordHashingService } from './password-hashing.service.js';
import type { ThrottleName, ThrottleService } from './throttle.service.js';

/** Counted first: both are about this one address, so attempts it was refused stay its own. */
const logInNearLimits: ThrottleName[] = ['logInFromAddress', 'logInToAccountFromAddress'];
/** Counted only for attempts the near limits let through, so one address cannot lock an owner out. */
const logInAccountLimit: ThrottleName[] = ['logInToAccount'];

export class AccountService {
  readonly #database: Database;
  readonly #users: UserRepository;
  readonly #workspaces: WorkspaceRepository;
  readonly #invitations: InvitationService;
  readonly #throttle: ThrottleService;
  readonly #passwords: PasswordHashingService;
  readonly #sessions: SessionRepository;
  readonly #clock: Clock;

  constructor(dependencies: {
    database: Database;
    users: UserRepository;
    workspaces: WorkspaceRepository;
    invitations: InvitationService;
    throttle: ThrottleService;
    passwords: PasswordHashingService;
    sessions: SessionRepository;
    clock: Clock;
  }) {
    this.#database = dependencies.database;
    this.#users = dependencies.users;
    this.#workspaces = dependencies.workspaces;
    this.#invitations = dependencies.invitations;
    this.#throttle = dependencies.throttle;
    this.#passwords = dependencies.passwords;
    this.#sessions = dependencies.sessions;
    this.#clock = dependencies.clock;
  }

  /**
   * Creates the user with their first workspace: a new one they own, or the one an invitation
   * brings them into. Returns the workspace to make active. The sign-up is counted against the
   * address's and everyone's limits before its password is hashed, the expensive part.
   */
  async signUp(input: SignUpInput, clientAddress: string): Promise<{ userId: string; workspaceId: string }> {
    const invitation = input.invitationToken
      ? await this.#invitations.findOpenForEmail(input.invitationToken, input.email)
      : undefined;
    if (!invitation && !input.workspaceName) {
      throw validationFailed([{ path: 'workspaceName', message: 'Enter a workspace name.' }]);
    }
    const attempter = { address: clientAddress };
    await this.#throttle.take(['signUpFromAddress'], attempter);
    await this.#throttle.take(['signUpEverywhere'], attempter);
    // A sign-up refused because the server was busy still counts: people sign up once, and a
    // flood must not win its attempts back by overflowing the hashing queue.
    const passwordHash = await this.#passwords.hash(input.password);
    return this.#database.db.transaction().execute(async (transaction) => {
      const user = await this.#users.insert(
        { email: input.email, name: input.name, password_hash: passwordHash },
        transaction,
      );
      if (!user) {
        throw new AppError('email_taken', 'An account with this email already exists. Log in instead.', {
          details: { issues: [{ path: 'email', message: 'An account with this email already exists.' }] },
        });
      }
      if (invitation) {
        await this.#invitations.consume(invitation, user.id, transaction);
        return { userId: user.id, workspaceId: invitation.workspace_id };
      }
      const workspace = await this.#workspaces.create(input.workspaceName!, user.id, transaction);
      return { userId: user.id, workspaceId: workspace.id };
    });
  }

  /**
   * Checks the credentials; every failure looks the same to the caller. Each attempt is counted
   * before the password is checked, per (account, address) and per address, and, only when those
   * let it through, against the account's ceiling from every address together.
   */
  async logIn(input: LogInInput, clientAddress: string): Promise<{ userId: string }> {
    const user = await this.#checkPassword(input.email, input.password, clientAddress);
    if (!user) {
      throw new AppError('invalid_credentials', 'That email and password do not match an account.');
    }
    return { userId: user.id };
  }

  /**
   * Sets a new password for the logged-in user, who proves it is them with the current one. That
   * check is a log-in attempt in all but name, counted by the same limits: a stolen session must
   * not become a way to guess the password without them. Every other session of the user ends
   * (whoever knew the old password is out); the one asking stays. Returns how many ended.
   */
  async changePassword(
    session: { userId: string; email: string; tokenHash: string },
    input: ChangePasswordInput,
    clientAddress: string,
  ): Promise<number> {
    const user = await this.#checkPassword(session.email, input.currentPassword, clientAddress);
    if (!user || user.id !== session.userId) {
      throw validationFailed([{ path: 'currentPassword', message: 'That isn’t your current password.' }]);
    }
    const passwordHash = await this.#passwords.hash(input.newPassword);
    return this.#database.db.transaction().execute(async (transaction) => {
      await this.#users.setPasswordHash(user.id, passwordHash, transaction);
      return this.#sessions.deleteForUser(
        user.id,
        { exceptTokenHash: session.tokenHash, now: this.#clock.now() },
        transaction,
      );
    });
  }

  /** The account, when `password` is its password; each check counted against the log-in limits. */
  async #checkPassword(email: string, password: string, clientAddress: string): Promise<UserRow | undefined> {
    const attempter = { email, address: clientAddress };
    await this.#throttle.take(logInNearLimits, attempter);
    await this.#throttle.take(logInAccountLimit, attempter);
    const user = await this.#users.findByEmail(email);
    let valid: boolean;
    try {
      valid = await this.#passwords.verify(password, user?.password_hash);
    } catch (error) {
      // Refused only because the server was busy: not a guess, so not held against anyone.
      if (error instanceof AppError && error.code === 'server_busy') {
        await this.#throttle.giveBack([...logInNearLimits, ...logInAccountLimit], attempter);
      }
      throw error;
    }
    if (!user || !valid) return undefined;
    // The right password is not a guess: this pair starts over, and the wider counts get it back.
    await this.#throttle.forget(['logInToAccountFromAddress'], attempter);
    await this.#throttle.giveBack(['logInFromAddress', 'logInToAccount'], attempter);
    return user;
  }
}
