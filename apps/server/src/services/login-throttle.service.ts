import { AppError } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import type { LoginThrottleRepository } from '../repositories/login-throttle.repository.js';

/** Guessing passwords is slowed per account and per client address, in every app process at once. */
export const loginLimits = {
  windowSeconds: 15 * 60,
  failuresPerEmail: 5,
  failuresPerAddress: 50,
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

  /** Throws `too_many_attempts` with the wait when either key used up its failures in this window. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const now = this.#clock.now();
    const windowStart = now.getTime() - loginLimits.windowSeconds * 1000;
    const limits = new Map([
      [emailKey(email), loginLimits.failuresPerEmail],
      [addressKey(address), loginLimits.failuresPerAddress],
    ]);
    const rows = await this.#throttles.find([...limits.keys()]);
    const blocked = rows.filter(
      (row) =>
        row.windowStartedAt.getTime() > windowStart && row.failures >= (limits.get(row.key) ?? Infinity),
    );
    if (blocked.length === 0) return;
    const reopensAt = Math.max(
      ...blocked.map((row) => row.windowStartedAt.getTime() + loginLimits.windowSeconds * 1000),
    );
    const retryAfterSeconds = Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
    throw new AppError(
      'too_many_attempts',
      `Too many failed log-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { details: { retryAfterSeconds } },
    );
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const now = this.#clock.now();
    const windowStart = new Date(now.getTime() - loginLimits.windowSeconds * 1000);
    await this.#throttles.recordFailure([emailKey(email), addressKey(address)], now, windowStart);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.#throttles.clear(emailKey(email));
  }
}
