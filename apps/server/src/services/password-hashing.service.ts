import { availableParallelism } from 'node:os';
import { AppError } from '../errors.js';
import { ConcurrencyLimiter, LimiterBusyError, type ConcurrencyLimits } from '../lib/concurrency-limiter.js';
import { LowPriorityScrypt } from '../lib/low-priority-scrypt.js';
import { hashPassword, verifyPassword, type PasswordCost } from '../lib/password.js';

export interface HashingLimits extends ConcurrencyLimits {
  /**
   * New passwords are hashed on threads of low CPU priority, so a flood of sign-ups takes mostly
   * CPU that log-ins (and everything else) leave free.
   */
  newPasswordsAtLowPriority: boolean;
  /** Hashes one client network may have running or waiting at once. */
  perNetwork: number;
}

/**
 * How much password hashing one process does at once. Each scrypt hash at the standard cost
 * takes one CPU core and 32 MiB for a few tenths of a second, in libuv's pool of 4 threads that
 * file and DNS work share too: more hashes at once than cores only makes each one slower.
 */
export function standardHashingLimits(cores = availableParallelism()): HashingLimits {
  const concurrent = Math.min(4, Math.max(2, cores));
  return {
    newPasswordsAtLowPriority: true,
    // A team behind one address rarely logs in twice in the same quarter second; a flood from one
    // network holds at most this many of the queue's places.
    perNetwork: 3,
    concurrent,
    // New passwords (sign-up, reset) never take the last slot: someone logging in always finds one.
    // They run on threads of their own, so this is also how many such threads there are.
    concurrentRoutine: concurrent - 1,
    // Seconds of waiting at most; beyond that, saying "busy" is kinder than a hang. On a saturated
    // machine the low-priority threads hash slowly, and sign-ups are the ones refused.
    waiting: { urgent: 32, routine: 16 },
    maxWaitMilliseconds: 10_000,
  };
}

/** What a refused hash asks the client to wait: long enough for the queue to drain. */
const busyRetrySeconds = 5;

/**
 * Every password hash the app computes goes through here, so a flood of sign-ups cannot starve
 * log-ins: checking a password someone is logging in with goes first, on threads of normal
 * priority, and new passwords wait their turn and take only spare CPU.
 */
export class PasswordHashingService {
  readonly #cost: PasswordCost;
  readonly #limiter: ConcurrencyLimiter;
  readonly #lowPriority: LowPriorityScrypt | undefined;
  readonly #perNetwork: number;
  /** Hashes running or waiting, per client network. */
  readonly #inFlight = new Map<string, number>();
  /** Verified against when an account is unknown, so a wrong email takes as long as a wrong password. */
  #decoyHash: Promise<string> | undefined;

  constructor(dependencies: { cost: PasswordCost; limits?: HashingLimits }) {
    const limits = dependencies.limits ?? standardHashingLimits();
    this.#cost = dependencies.cost;
    this.#limiter = new ConcurrencyLimiter(limits);
    this.#perNetwork = limits.perNetwork;
    this.#lowPriority = limits.newPasswordsAtLowPriority
      ? new LowPriorityScrypt(limits.concurrentRoutine)
      : undefined;
  }

  /**
   * Hashes a new password (sign-up, reset): routine work, behind any log-in. `network` is the
   * client's (lib/client-address.ts): one network gets a few hashes at a time, so it cannot fill
   * the queue that everyone else waits in.
   */
  hash(password: string, network?: string): Promise<string> {
    return this.#run('routine', network, () => hashPassword(password, this.#cost, this.#lowPriority?.derive));
  }

  /** Checks a password someone is logging in with; an unknown account (`stored` undefined) never matches. */
  verify(password: string, stored: string | undefined, network?: string): Promise<boolean> {
    return this.#run('urgent', network, async () => {
      if (stored !== undefined) return verifyPassword(password, stored);
      await verifyPassword(password, await this.#decoy());
      return false;
    });
  }

  /** Stops the low-priority hashing threads. */
  async close(): Promise<void> {
    await this.#lowPriority?.close();
  }

  #decoy(): Promise<string> {
    this.#decoyHash ??= hashPassword('decoy password for unknown emails', this.#cost).catch((error) => {
      this.#decoyHash = undefined;
      throw error;
    });
    return this.#decoyHash;
  }

  async #run<Result>(
    lane: 'urgent' | 'routine',
    network: string | undefined,
    work: () => Promise<Result>,
  ): Promise<Result> {
    if (network === undefined) return this.#queue(lane, work);
    const inFlight = this.#inFlight.get(network) ?? 0;
    if (inFlight >= this.#perNetwork) {
      throw new AppError(
        'too_many_attempts',
        'Too many passwords at once from this network. Try again in a moment.',
        {
          details: { retryAfterSeconds: 2 },
        },
      );
    }
    this.#inFlight.set(network, inFlight + 1);
    try {
      return await this.#queue(lane, work);
    } finally {
      const left = (this.#inFlight.get(network) ?? 1) - 1;
      if (left === 0) this.#inFlight.delete(network);
      else this.#inFlight.set(network, left);
    }
  }

  async #queue<Result>(lane: 'urgent' | 'routine', work: () => Promise<Result>): Promise<Result> {
    try {
      return await this.#limiter.run(lane, work);
    } catch (error) {
      if (!(error instanceof LimiterBusyError)) throw error;
      throw new AppError('server_busy', 'Whathead is busy checking passwords. Try again in a few seconds.', {
        details: { retryAfterSeconds: busyRetrySeconds },
        cause: error,
      });
    }
  }
}
