import { AppError } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import type { LoginThrottleRepository } from '../repositories/login-throttle.repository.js';

/** Guessing passwords is slowed per account and per client address, in every app process at once. */
export const loginLimits = {
  windowSeconds: 15 * 60,
  attemptsPerEmail: 5,
  attemptsPerAddress: 50,
};

const emailKey = (email: string) => `email:${email.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export class LoginThrottleService {
  readonly #throttles: LoginThrottleRepository;
  readonly #clock: Clock;

  constructor(dependencies: { throttles: LoginThrottleRepository; clock: Clock }) {
    this.#throttles = dependencies.throttles;
    this.#clock = dependencies.clock;
  }

  /**
   * Counts this attempt before the password is checked, then refuses it with the wait when either
   * key is over its limit. Counting first is what makes the limit hold for attempts sent all at
   * once: checking and counting after a 100 ms password hash would let every one of them through.
   */
  async beginAttempt(email: string, address: string): Promise<void> {
    const now = this.#clock.now();
    const windowStart = new Date(now.getTime() - loginLimits.windowSeconds * 1000);
    const limits = new Map([
      [emailKey(email), loginLimits.attemptsPerEmail],
      [addressKey(address), loginLimits.attemptsPerAddress],
    ]);
    const counts = await this.#throttles.countAttempt([...limits.keys()], now, windowStart);
    const over = counts.filter((count) => count.attempts > (limits.get(count.key) ?? Infinity));
    if (over.length === 0) return;
    const reopensAt = Math.max(
      ...over.map((count) => count.windowStartedAt.getTime() + loginLimits.windowSeconds * 1000),
    );
    const retryAfterSeconds = Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
    throw new AppError(
      'too_many_attempts',
      `Too many failed log-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { details: { retryAfterSeconds } },
    );
  }

  /** The right password: the account's count starts over, and the address gets its attempt back. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.#throttles.clear(emailKey(email));
    await this.#throttles.uncount(addressKey(address));
  }
}
