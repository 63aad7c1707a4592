import { passwordResetLinkMinutes, type PasswordReset } from '@whathead/contracts';
import type { Database } from '@whathead/db';
import { AppError } from '../errors.js';
import { clientNetwork } from '../lib/client-address.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import type { Mailer } from '../lib/mailer.js';
import { keyedHash, randomToken } from '../lib/secret-token.js';
import type { PasswordResetRepository } from '../repositories/password-reset.repository.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import type { PasswordHashingService } from './password-hashing.service.js';
import type { ThrottleService } from './throttle.service.js';

export const passwordResetLifetimeSeconds = passwordResetLinkMinutes * 60;
export const passwordResetPath = '/reset-password';

const invalidReset = () =>
  new AppError(
    'password_reset_invalid',
    'This password reset link has expired or has already been used. Ask for a new one.',
  );

/**
 * Forgot password: a single-use link, valid for 30 minutes, mailed to the account's address.
 * Only the keyed hash of its token is stored, as for sessions and invitations.
 */
export class PasswordResetService {
  readonly #database: Database;
  readonly #resets: PasswordResetRepository;
  readonly #users: UserRepository;
  readonly #sessions: SessionRepository;
  readonly #throttle: ThrottleService;
  readonly #passwords: PasswordHashingService;
  readonly #mailer: Mailer;
  readonly #secret: string;
  readonly #publicUrl: string;
  readonly #clock: Clock;

  constructor(dependencies: {
    database: Database;
    resets: PasswordResetRepository;
    users: UserRepository;
    sessions: SessionRepository;
    throttle: ThrottleService;
    passwords: PasswordHashingService;
    mailer: Mailer;
    sessionSecret: string;
    publicUrl: string;
    clock: Clock;
  }) {
    this.#database = dependencies.database;
    this.#resets = dependencies.resets;
    this.#users = dependencies.users;
    this.#sessions = dependencies.sessions;
    this.#throttle = dependencies.throttle;
    this.#passwords = dependencies.passwords;
    this.#mailer = dependencies.mailer;
    this.#secret = dependencies.sessionSecret;
    this.#publicUrl = dependencies.publicUrl;
    this.#clock = dependencies.clock;
  }

  /**
   * Mails a reset link when the email has an account. The caller learns nothing either way: the
   * answer is the same, and the mail is handed over without waiting for the mail server. Counted
   * per address first and per email after, so that nobody can mail-bomb an inbox and one address
   * cannot use up the owner's own requests.
   */
  async request(email: string, clientAddress: string): Promise<void> {
    const attempter = { email, address: clientAddress };
    await this.#throttle.take(['passwordResetFromAddress'], attempter);
    await this.#throttle.take(['passwordResetForAccount'], attempter);
    const user = await this.#users.findByEmail(email);
    if (!user) return;
    const token = randomToken();
    const now = this.#clock.now();
    await this.#resets.create({
      tokenHash: this.#hash(token),
      userId: user.id,
      now,
      expiresAt: addSeconds(now, passwordResetLifetimeSeconds),
    });
    this.#mailer.deliver({
      to: user.email,
      subject: 'Reset your Whathead password',
      text: [
        `Someone, hopefully you, asked to reset the password of the Whathead account ${user.email}.`,
        '',
        `Choose a new password here within ${passwordResetLinkMinutes} minutes (the link works once):`,
        `${this.#publicUrl}${passwordResetPath}/${token}`,
        '',
        'If you did not ask, ignore this mail: your password stays as it is.',
      ].join('\n'),
    });
  }

  /** What the reset page shows: whose password this link resets, and until when. */
  async describe(token: string): Promise<PasswordReset> {
    const reset = await this.#resets.findOpen(this.#hash(token), this.#clock.now());
    if (!reset) throw invalidReset();
    return { email: reset.email, expiresAt: reset.expiresAt.toISOString() };
  }

  /**
   * Sets the new password and uses up the link, then ends every session of the account: whoever
   * knew the old password, or holds a session, is out. The owner's own log-in counts start over,
   * so an owner an attacker had locked out gets straight back in.
   */
  async complete(token: string, password: string, clientAddress: string): Promise<void> {
    const tokenHash = this.#hash(token);
    const reset = await this.#resets.findOpen(tokenHash, this.#clock.now());
    // Checked before hashing, so a dead link costs no hashing.
    if (!reset) throw invalidReset();
    const passwordHash = await this.#passwords.hash(password, clientNetwork(clientAddress));
    await this.#database.db.transaction().execute(async (transaction) => {
      const now = this.#clock.now();
      const userId = await this.#resets.consume(tokenHash, now, transaction);
      if (!userId) throw invalidReset();
      await this.#users.setPasswordHash(userId, passwordHash, transaction);
      await this.#sessions.deleteForUser(userId, { now }, transaction);
    });
    await this.#throttle.forget(['logInToAccount', 'logInToAccountFromAddress'], {
      email: reset.email,
      address: clientAddress,
    });
  }

  #hash(token: string): string {
    return keyedHash(this.#secret, `password-reset:${token}`);
  }
}
