import type { ChangePasswordInput, LogInInput, SignUpInput } from '@whathead/contracts';
import type { Database, UserRow } from '@whathead/db';
import { AppError, validationFailed } from '../errors.js';
import { clientNetwork } from '../lib/client-address.js';
import type { Clock } from '../lib/clock.js';
import { deviceNonceFor, issueDeviceToken } from '../lib/device-token.js';
import type { PasswordResetRepository } from '../repositories/password-reset.repository.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';
import type { InvitationService } from './invitation.service.js';
import type { PasswordHashingService } from './password-hashing.service.js';
import type { ThrottleName, ThrottleService } from './throttle.service.js';

/**
 * What a log-in attempt is counted against, narrowest first, each in its own statement so an
 * attempt one limit refused never uses up a wider one. A browser that logged in to the account
 * before (a trusted device) is counted on its own: failures from elsewhere, which may lock the
 * account against strangers, never lock its owner out of a browser they use.
 */
const logInLimits = (trustedDevice: boolean): ThrottleName[][] =>
  trustedDevice
    ? [['logInFromAddress'], ['logInFromDevice']]
    : [['logInFromAddress'], ['logInToAccountFromAddress'], ['logInToAccount']];
/** Counts that a right password, or a check the server was too busy for, gives back: not guesses. */
const guessLimits: ThrottleName[] = ['logInToAccountFromAddress', 'logInFromDevice', 'logInToAccount'];

export interface LogInAttempt {
  clientAddress: string;
  /** The device cookie the browser sent, if any. */
  deviceToken?: string | undefined;
}

const emailTaken = () =>
  new AppError('email_taken', 'An account with this email already exists. Log in instead.', {
    details: { issues: [{ path: 'email', message: 'An account with this email already exists.' }] },
  });

export class AccountService {
  readonly #database: Database;
  readonly #users: UserRepository;
  readonly #workspaces: WorkspaceRepository;
  readonly #invitations: InvitationService;
  readonly #throttle: ThrottleService;
  readonly #passwords: PasswordHashingService;
  readonly #sessions: SessionRepository;
  readonly #passwordResets: PasswordResetRepository;
  readonly #clock: Clock;
  /** Signs device tokens. */
  readonly #secret: string;

  constructor(dependencies: {
    database: Database;
    users: UserRepository;
    workspaces: WorkspaceRepository;
    invitations: InvitationService;
    throttle: ThrottleService;
    passwords: PasswordHashingService;
    sessions: SessionRepository;
    passwordResets: PasswordResetRepository;
    clock: Clock;
    sessionSecret: string;
  }) {
    this.#database = dependencies.database;
    this.#users = dependencies.users;
    this.#workspaces = dependencies.workspaces;
    this.#invitations = dependencies.invitations;
    this.#throttle = dependencies.throttle;
    this.#passwords = dependencies.passwords;
    this.#sessions = dependencies.sessions;
    this.#passwordResets = dependencies.passwordResets;
    this.#clock = dependencies.clock;
    this.#secret = dependencies.sessionSecret;
  }

  /**
   * Creates the user with their first workspace: a new one they own, or the one an invitation
   * brings them into. Returns the workspace to make active. The sign-up is counted against the
   * address's and everyone's limits before its password is hashed, the expensive part.
   */
  async signUp(
    input: SignUpInput,
    clientAddress: string,
  ): Promise<{ userId: string; workspaceId: string; deviceToken: string }> {
    const invitation = input.invitationToken
      ? await this.#invitations.findOpenForEmail(input.invitationToken, input.email)
      : undefined;
    if (!invitation && !input.workspaceName) {
      throw validationFailed([{ path: 'workspaceName', message: 'Enter a workspace name.' }]);
    }
    const attempter = { address: clientAddress };
    await this.#throttle.take(['signUpFromAddress'], attempter);
    // A taken email is refused before it counts against everyone's sign-ups (and before any
    // hashing): sign-ups that create nothing must not close sign-up for the next newcomer.
    if (await this.#users.findByEmail(input.email)) throw emailTaken();
    await this.#throttle.take(['signUpEverywhere'], attempter);
    // A sign-up refused because the server was busy still counts: people sign up once, and a
    // flood must not win its attempts back by overflowing the hashing queue.
    const passwordHash = await this.#passwords.hash(input.password, clientNetwork(clientAddress));
    const created = await this.#database.db.transaction().execute(async (transaction) => {
      const user = await this.#users.insert(
        { email: input.email, name: input.name, password_hash: passwordHash },
        transaction,
      );
      if (!user) throw emailTaken();
      if (invitation) {
        await this.#invitations.consume(invitation, user.id, transaction);
        return { userId: user.id, workspaceId: invitation.workspace_id };
      }
      const workspace = await this.#workspaces.create(input.workspaceName!, user.id, transaction);
      return { userId: user.id, workspaceId: workspace.id };
    });
    // The browser that signed up is its owner's: it may log in to the account from then on.
    return { ...created, deviceToken: issueDeviceToken(this.#secret, input.email).token };
  }

  /**
   * Checks the credentials; every failure looks the same to the caller. Answers the account with
   * the password hash it was checked against (the session is stored only while that still holds)
   * and the device token that vouches for this browser from now on.
   */
  async logIn(
    input: LogInInput,
    attempt: LogInAttempt,
  ): Promise<{ userId: string; passwordHash: string; deviceToken: string }> {
    const trusted = deviceNonceFor(this.#secret, attempt.deviceToken, input.email);
    const user = await this.#checkPassword(input.email, input.password, attempt.clientAddress, trusted);
    if (!user) {
      throw new AppError('invalid_credentials', 'That email and password do not match an account.');
    }
    const device = issueDeviceToken(this.#secret, input.email, trusted);
    return { userId: user.id, passwordHash: user.password_hash, deviceToken: device.token };
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
    const passwordHash = await this.#passwords.hash(input.newPassword, clientNetwork(clientAddress));
    return this.#database.db.transaction().execute(async (transaction) => {
      await this.#users.setPasswordHash(user.id, passwordHash, transaction);
      // A reset link mailed before, to whoever had the inbox, must not undo this change.
      await this.#passwordResets.deleteForUser(user.id, transaction);
      return this.#sessions.deleteForUser(
        user.id,
        { exceptTokenHash: session.tokenHash, now: this.#clock.now() },
        transaction,
      );
    });
  }

  /**
   * The account, when `password` is its password. Each check is counted before it is made:
   * counting first is what makes a limit hold for attempts sent all at once.
   */
  async #checkPassword(
    email: string,
    password: string,
    clientAddress: string,
    trustedDevice?: string,
  ): Promise<UserRow | undefined> {
    const attempter = { email, address: clientAddress, ...(trustedDevice ? { device: trustedDevice } : {}) };
    for (const limits of logInLimits(trustedDevice !== undefined))
      await this.#throttle.take(limits, attempter);
    const user = await this.#users.findByEmail(email);
    let valid: boolean;
    try {
      valid = await this.#passwords.verify(password, user?.password_hash, clientNetwork(clientAddress));
    } catch (error) {
      // Refused only because the server, or this network's share of it, was busy: not a guess, so
      // not held against the account. The network keeps its count: it chose to send so many.
      if (error instanceof AppError && (error.code === 'server_busy' || error.code === 'too_many_attempts'))
        await this.#throttle.giveBack(guessLimits, attempter);
      throw error;
    }
    if (!user || !valid) return undefined;
    // The right password is not a guess: this browser's or this pair's count starts over, and the
    // account's ceiling gets the attempt back. The network's count stays, so a network logging in
    // without end, even rightly, cannot take log-in away from everyone else.
    await this.#throttle.forget(['logInToAccountFromAddress', 'logInFromDevice'], attempter);
    await this.#throttle.giveBack(['logInToAccount'], attempter);
    return user;
  }
}
