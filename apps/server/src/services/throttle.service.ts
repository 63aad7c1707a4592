import { AppError } from '../errors.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import { clientNetwork } from '../lib/client-address.js';
import type { ThrottleRepository } from '../repositories/throttle.repository.js';

/** What a limit counts separately: each account, each client network, each pair, or all together. */
export type ThrottleScope = 'account' | 'address' | 'account-and-address' | 'device' | 'everyone';

/** At most `limit` attempts per subject in each fixed window of `windowSeconds`. */
export interface ThrottleRule {
  per: ThrottleScope;
  limit: number;
  windowSeconds: number;
  /** Why an attempt was refused, for the error message. */
  refusal: string;
}

const minutes = 60;

/**
 * Every limit, by name. docs/decisions/0004 says why each number is what it is. Callers count
 * narrow limits before wide ones, each in its own `take`, so that attempts one address has
 * already been refused never use up what an account or everyone may do.
 */
export const standardThrottleRules = {
  logInFromAddress: {
    per: 'address',
    limit: 100,
    windowSeconds: 15 * minutes,
    refusal: 'Too many log-in attempts from this network.',
  },
  logInToAccountFromAddress: {
    per: 'account-and-address',
    limit: 5,
    windowSeconds: 15 * minutes,
    refusal: 'Too many failed log-in attempts.',
  },
  logInFromDevice: {
    per: 'device',
    limit: 5,
    windowSeconds: 15 * minutes,
    refusal: 'Too many failed log-in attempts.',
  },
  logInToAccount: {
    per: 'account',
    limit: 30,
    windowSeconds: 15 * minutes,
    refusal: 'Too many failed log-in attempts for this account from several networks.',
  },
  signUpFromAddress: {
    per: 'address',
    limit: 20,
    windowSeconds: 60 * minutes,
    refusal: 'Too many sign-ups from this network.',
  },
  signUpEverywhere: {
    per: 'everyone',
    limit: 30,
    windowSeconds: 1 * minutes,
    refusal: 'Too many sign-ups right now.',
  },
  passwordResetFromAddress: {
    per: 'address',
    limit: 10,
    windowSeconds: 60 * minutes,
    refusal: 'Too many password reset requests from this network.',
  },
  passwordResetForAccount: {
    per: 'account',
    limit: 3,
    windowSeconds: 60 * minutes,
    refusal: 'Too many password reset requests for this email.',
  },
} satisfies Record<string, ThrottleRule>;

export type ThrottleName = keyof typeof standardThrottleRules;
export type ThrottleRules = Record<ThrottleName, ThrottleRule>;

/**
 * Who is attempting: the email they name (when there is one), the client address, and, for a
 * browser that logged in to this account before, its device nonce (lib/device-token.ts).
 */
export interface Attempter {
  email?: string;
  address: string;
  device?: string;
}

const describeWait = (seconds: number): string =>
  seconds < 60
    ? `${seconds} second${seconds === 1 ? '' : 's'}`
    : `${Math.ceil(seconds / 60)} minute${seconds <= 60 ? '' : 's'}`;

/** Limits attempts per named rule, counted in the database so every app process shares them. */
export class ThrottleService {
  readonly #throttles: ThrottleRepository;
  readonly #clock: Clock;
  readonly #rules: ThrottleRules;

  constructor(dependencies: { throttles: ThrottleRepository; clock: Clock; rules?: ThrottleRules }) {
    this.#throttles = dependencies.throttles;
    this.#clock = dependencies.clock;
    this.#rules = dependencies.rules ?? standardThrottleRules;
  }

  /**
   * Counts this attempt against each named limit, then refuses it, with the longest wait, when
   * any is over. Counting first, in one statement, is what makes a limit hold for attempts sent
   * all at once: checking first and counting after the work would let every one of them through.
   */
  async take(names: ThrottleName[], attempter: Attempter): Promise<void> {
    const now = this.#clock.now();
    const limits = new Map(names.map((name) => [this.#key(name, attempter), this.#rules[name]]));
    const counts = await this.#throttles.count(
      [...limits].map(([key, rule]) => ({ key, endsAt: addSeconds(now, rule.windowSeconds) })),
      now,
    );
    const over = counts.filter((count) => count.attempts > limits.get(count.key)!.limit);
    if (over.length === 0) return;
    const longest = over.reduce((worst, next) => (next.windowEndsAt > worst.windowEndsAt ? next : worst));
    const retryAfterSeconds = Math.max(1, Math.ceil((longest.windowEndsAt.getTime() - now.getTime()) / 1000));
    throw new AppError(
      'too_many_attempts',
      `${limits.get(longest.key)!.refusal} Try again in ${describeWait(retryAfterSeconds)}.`,
      { details: { retryAfterSeconds } },
    );
  }

  /** Takes back an attempt that turned out not to count (a right password, a log-in the server was too busy for). */
  async giveBack(names: ThrottleName[], attempter: Attempter): Promise<void> {
    await this.#throttles.uncount(names.map((name) => this.#key(name, attempter)));
  }

  /** Starts these counts over, as when the account's owner proved who they are. */
  async forget(names: ThrottleName[], attempter: Attempter): Promise<void> {
    await this.#throttles.clear(names.map((name) => this.#key(name, attempter)));
  }

  #key(name: ThrottleName, attempter: Attempter): string {
    const account = attempter.email?.toLowerCase() ?? '';
    const network = clientNetwork(attempter.address);
    const subject = {
      account,
      address: network,
      'account-and-address': `${account} ${network}`,
      device: `${account} ${attempter.device ?? ''}`,
      everyone: '*',
    }[this.#rules[name].per];
    return `${name}:${subject}`;
  }
}
