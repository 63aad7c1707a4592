/**
 * Work of two kinds sharing a few slots: `urgent` work always starts first, and `routine` work
 * never takes the last slots, so a burst of routine work cannot keep urgent work waiting for a
 * slot. When too many are already waiting, or one has waited too long, it is refused rather than
 * left to pile up.
 */
export type Lane = 'urgent' | 'routine';

export interface ConcurrencyLimits {
  /** Pieces of work running at once, of either lane. */
  concurrent: number;
  /** Of those, how many may be routine. */
  concurrentRoutine: number;
  /** How many may wait for a slot, per lane, before more are refused at once. */
  waiting: Record<Lane, number>;
  /** How long one may wait for a slot before it is refused. */
  maxWaitMilliseconds: number;
}

export class LimiterBusyError extends Error {
  readonly lane: Lane;

  constructor(lane: Lane, reason: string) {
    super(`No ${lane} slot: ${reason}.`);
    this.name = 'LimiterBusyError';
    this.lane = lane;
  }
}

interface Waiter {
  start(): void;
  timer: NodeJS.Timeout;
}

export class ConcurrencyLimiter {
  readonly #limits: ConcurrencyLimits;
  readonly #waiting: Record<Lane, Waiter[]> = { urgent: [], routine: [] };
  #running = 0;
  #runningRoutine = 0;

  constructor(limits: ConcurrencyLimits) {
    this.#limits = limits;
  }

  /** Runs `work` in a slot of its lane, waiting for one if needed; throws LimiterBusyError when refused. */
  async run<Result>(lane: Lane, work: () => Promise<Result>): Promise<Result> {
    if (this.#hasRoomFor(lane)) this.#occupy(lane);
    else await this.#wait(lane);
    try {
      return await work();
    } finally {
      this.#running -= 1;
      if (lane === 'routine') this.#runningRoutine -= 1;
      this.#startWaiting();
    }
  }

  /** Resolves once a slot was occupied on this caller's behalf, so no one barges in meanwhile. */
  #wait(lane: Lane): Promise<void> {
    const queue = this.#waiting[lane];
    if (queue.length >= this.#limits.waiting[lane]) {
      return Promise.reject(new LimiterBusyError(lane, `${queue.length} already waiting`));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(new LimiterBusyError(lane, `waited ${this.#limits.maxWaitMilliseconds} ms`));
        }, this.#limits.maxWaitMilliseconds),
      };
      queue.push(waiter);
    });
  }

  #hasRoomFor(lane: Lane): boolean {
    if (this.#running >= this.#limits.concurrent) return false;
    return lane === 'urgent' || this.#runningRoutine < this.#limits.concurrentRoutine;
  }

  #occupy(lane: Lane): void {
    this.#running += 1;
    if (lane === 'routine') this.#runningRoutine += 1;
  }

  #startWaiting(): void {
    for (const lane of ['urgent', 'routine'] as const) {
      while (this.#waiting[lane].length > 0 && this.#hasRoomFor(lane)) {
        this.#occupy(lane);
        this.#waiting[lane].shift()!.start();
      }
    }
  }
}
