import { systemClock, type Clock } from '../clock.js';
import type { RateLimitSignal } from '../errors/tiktok-error-kind.js';
import { createInMemoryRateLimitStore } from './in-memory-rate-limit-store.js';
import { LaneQueues, scarce, type Waiter } from './lane-queues.js';
import { bookableFrom, defaultLanePolicy, horizonOf, lanes, type Lane, type LanePolicy } from './lanes.js';
import type { LaneUsage, PacedBucket, RateLimitStore, RatePause } from './rate-limit-store.js';
import {
  defaultEndpointRateLimits,
  defaultHeadroom,
  intervalOf,
  minuteCountOf,
  rateLimitTiers,
  type RateLimitTier,
  type RateLimits,
} from './rate-limits.js';
import { fairShareActiveMilliseconds, fairShareRetryMilliseconds, utcDayStart } from './store-rules.js';

export interface RateLimitedCall {
  path: string;
  advertiserId?: string | undefined;
  lane: Lane;
  /** The workspace the call works for: calls of one lane are shared fairly among workspaces. */
  tenant?: string | undefined;
  /** Among one account's waiting calls of a lane, a higher rank asks first (CallPriority). */
  rank?: number | undefined;
}

/** What the limiter reports, for metrics. */
export interface RateLimitObserver {
  granted(event: { lane: Lane; waitedMilliseconds: number }): void;
}

/**
 * Paces calls so that a busy Whathead stays under TikTok's limits instead of bouncing off them
 * (issue 4 §4), serving lanes in order and tenants in turn (issue 10 §2). One limiter serves a
 * process; its store may be shared by every process.
 */
export interface RateLimiter {
  /** Waits for a slot; rejects with RateLimitWaitError when none comes before `deadline`. */
  acquire(
    call: RateLimitedCall,
    options?: { deadline?: number; signal?: AbortSignal | undefined },
  ): Promise<void>;
  /**
   * TikTok answered 40100/40133…: stop using that budget for a while. Resolves to the end of the
   * pause (epoch ms), when TikTok's budget is expected back.
   */
  penalize(call: RateLimitedCall, signal: RateLimitSignal): Promise<number>;
  /** Today's calls (UTC) by lane, app-wide and for `tenant`. */
  usage(tenant?: string): Promise<LaneUsage[]>;
  /** The pauses TikTok's answers put in place and that still run. */
  pauses(): Promise<RatePause[]>;
  /**
   * Resolves on a later turn of the event loop when none of this process's booked calls is due
   * within `quietBeforeSendMilliseconds`. Long synchronous work (a page of a thousand objects
   * parsed, mapped, serialised) waits here between its steps, so that it never starts just before
   * a booked call's timer: one it delayed past the late tolerance would lose its slot.
   */
  betweenSends(): Promise<void>;
  /** Fails every waiting call and stops waiting, so that a closing process can exit. */
  close(): void;
}

export interface RateLimiterOptions {
  /** The app's tier (reference §8), or explicit limits. Default `basic`. */
  tier?: RateLimitTier | RateLimits;
  /** Endpoint-specific limits by path; default reference §8's list. */
  endpoints?: Record<string, RateLimits>;
  /** Per advertiser and path (reference §7 40133); unpublished, so off unless set. */
  advertiserPathPerSecond?: number;
  /** The share of every limit left unused (default 3 %). */
  headroom?: number;
  /**
   * How late after its slot a call may still be sent (a busy event loop wakes timers late).
   * Eleven calls paced for 10 a second span 1,031 ms at 3 % headroom, so as long as no call goes
   * more than 30 ms late, no second holds eleven. Default: 0.8 of the headroom of a second.
   */
  lateToleranceMilliseconds?: number;
  /**
   * How long before a booked call `betweenSends` holds work back: the longest step that may start
   * then, less the late tolerance. Default 40 ms.
   */
  quietBeforeSendMilliseconds?: number;
  lanes?: LanePolicy;
  /** How many calls a tenant may run ahead of the least-served tenant of its lane (default 1). */
  fairShareSlack?: number;
  store?: RateLimitStore;
  clock?: Clock;
  observer?: RateLimitObserver;
}

export class RateLimitWaitError extends Error {
  override readonly name = 'RateLimitWaitError';
  constructor(readonly retryAt: number) {
    super('No rate-limit slot before the deadline');
  }
}

export class RateLimiterClosedError extends Error {
  override readonly name = 'RateLimiterClosedError';
  constructor() {
    super('The process is shutting down: no more TikTok calls');
  }
}

const second = 1_000;
const minute = 60_000;
/** Reference §8 and correction 18: after a per-minute limit, pause five minutes. */
const minuteLimitPauseMilliseconds = 5 * minute;

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createInMemoryRateLimitStore();
  const policy = options.lanes ?? defaultLanePolicy;
  const headroom = options.headroom ?? defaultHeadroom;
  const slack = options.fairShareSlack ?? 1;
  // Eight tenths of the headroom a second leaves: 24 ms at the default 3 %.
  const lateToleranceMilliseconds = options.lateToleranceMilliseconds ?? 0.8 * second * headroom;
  const quietBeforeSendMilliseconds = options.quietBeforeSendMilliseconds ?? 40;
  /** The slot of each call granted one and not yet sent. */
  const booked = new Map<Waiter, number>();
  const appLimits = typeof options.tier === 'object' ? options.tier : rateLimitTiers[options.tier ?? 'basic'];
  const endpointLimits = options.endpoints ?? defaultEndpointRateLimits;
  const keys = {
    app: () => 'app',
    endpoint: (path: string) => `endpoint:${path}`,
    advertiser: (call: RateLimitedCall) => `advertiser:${call.advertiserId ?? ''}:${call.path}`,
  };
  const paced = (key: string, limits: RateLimits): PacedBucket => {
    const perMinute = minuteCountOf(limits, headroom);
    return {
      key,
      intervalMilliseconds: intervalOf(limits, headroom),
      ...(Number.isFinite(perMinute) ? { perMinute } : {}),
      perDay: limits.perDay,
    };
  };

  function bucketsFor(call: RateLimitedCall): PacedBucket[] {
    const endpoint = endpointLimits[call.path];
    // Unlimited buckets still carry their key, so that a pause after 40133/40132 has something to hold.
    const buckets = [
      { ...paced(keys.app(), appLimits), shared: true },
      endpoint
        ? paced(keys.endpoint(call.path), endpoint)
        : { key: keys.endpoint(call.path), intervalMilliseconds: 0, perDay: Number.POSITIVE_INFINITY },
    ];
    if (call.advertiserId !== undefined) {
      const perSecond = options.advertiserPathPerSecond ?? Number.POSITIVE_INFINITY;
      buckets.push(paced(keys.advertiser(call), { perSecond, perMinute: Infinity, perDay: Infinity }));
    }
    return buckets;
  }

  const queues = new LaneQueues();
  const lastServed = new Map<Lane, number>();
  /** A lane's horizon now: its own, grown by how long it has had calls waiting and none served. */
  const starvedOf = (lane: Lane, oldestWaited: number, now: number) =>
    Math.min(oldestWaited, now - (lastServed.get(lane) ?? Number.NEGATIVE_INFINITY));
  const horizonNow = (lane: Lane, oldestWaited: number, now: number) =>
    horizonOf(policy, lane, starvedOf(lane, oldestWaited, now));
  /** When a waiting call may book `slot`, its lane's horizon growing while it waits unserved. */
  const retryFrom = (waiter: Waiter, slot: number, now: number) =>
    bookableFrom(policy, waiter.lane, starvedOf(waiter.lane, now - waiter.enqueuedAt, now), now, slot);
  /** How long the last bookings took to come back from the store (a shared one is a database). */
  const bookingTimes: number[] = [];
  const noteBooking = (milliseconds: number) => {
    bookingTimes.push(milliseconds);
    if (bookingTimes.length > 16) bookingTimes.shift();
  };
  /**
   * How far from now a slot is booked at the soonest: a recent booking's usual time (the median;
   * the late tolerance absorbs slower ones), at most 100 ms.
   */
  const bookingLead = () => {
    const sorted = [...bookingTimes].sort((left, right) => left - right);
    return Math.min(100, sorted[sorted.length >> 1] ?? 0);
  };
  let pumping = false;
  /** Set by every arrival, so that a pump about to sleep looks at the queue once more. */
  let arrived = false;
  let wake: AbortController | undefined;

  function dequeue(waiter: Waiter): void {
    const tenantEmptied = queues.remove(waiter);
    if (tenantEmptied && waiter.lane !== 'interactive')
      store.leave(waiter.lane, waiter.tenant).catch(() => undefined);
  }

  function kick(): void {
    arrived = true;
    wake?.abort();
    if (!pumping) void pump();
  }

  const lastTouched = new Map<Lane, number>();
  /**
   * This process's other waiting tenants of a fair-shared lane, sent with a booking a few times a
   * second so that they count as waiting everywhere even while their own turn has not come.
   */
  function waitingTenants(lane: Lane, now: number): string[] | undefined {
    if (now - (lastTouched.get(lane) ?? Number.NEGATIVE_INFINITY) < fairShareActiveMilliseconds / 4)
      return undefined;
    lastTouched.set(lane, now);
    // Only tenants that could book now: one held by a budget of its own is not waiting for the app's.
    return [
      ...new Set(
        queues
          .heads(lane, now)
          .filter((waiter) => waiter.notBefore <= now)
          .map((waiter) => waiter.tenant),
      ),
    ];
  }

  /** Every waiting call that needs `key` waits until `retryAt`, or fails now if that is past its deadline. */
  function block(key: string | undefined, retryAt: number, now: number, asking: boolean): void {
    if (key === undefined) return;
    for (const waiter of [...queues.all()]) {
      if (!waiter.buckets.some((bucket) => bucket.key === key)) continue;
      if (retryAt > waiter.deadline) {
        dequeue(waiter);
        waiter.fail(new RateLimitWaitError(retryAt));
        continue;
      }
      const from = asking ? retryAt : retryFrom(waiter, retryAt, now);
      waiter.notBefore = Math.max(waiter.notBefore, now + 1, from);
    }
  }

  /**
   * A tenant whose every waiting call is held by a budget of its own (an endpoint's, an ad
   * account's) stops counting as waiting in its lane: it cannot use the shared slots now, so it
   * must not hold the other tenants to its pace.
   */
  function leaveIfHeld(lane: Lane, tenant: string, now: number): void {
    if (lane === 'interactive') return;
    const ready = queues
      .heads(lane, now)
      .some((waiter) => waiter.tenant === tenant && waiter.notBefore <= now);
    if (!ready) store.leave(lane, tenant).catch(() => undefined);
  }

  /**
   * The earliest slot of the shared budget that another waiting background call of this process
   * wants (refused `ahead`: its own budget, an endpoint's, frees only then), if `waiter` is not
   * one held by that same budget. Left to that call, the slot goes to the call the process most
   * needs: with /ad/create/ at 5 a second and the app at 10, other calls booking the app ahead
   * would otherwise push each ad a few slots past its own budget's, and ads fall behind.
   */
  function wantedSlot(waiter: Waiter, from: number): { slot: number; by: Waiter } | undefined {
    let found: { slot: number; by: Waiter } | undefined;
    for (const other of queues.all()) {
      if (other === waiter || other.lane === 'interactive' || other.wants === undefined) continue;
      if (other.wants < from || (found && found.slot <= other.wants)) continue;
      const held = other.buckets.filter((bucket) => !bucket.shared && bucket.intervalMilliseconds > 0);
      if (held.some((bucket) => waiter.buckets.some((mine) => mine.key === bucket.key))) continue;
      found = { slot: other.wants, by: other };
    }
    return found;
  }

  /** Which of two calls of one account goes first: one held by a budget of its own, then rank. */
  const precedence = (waiter: Waiter) => (scarce(waiter) ? 1_000_000 : 0) + waiter.rank;
  /** Booked with the shared budget alone: giving its slot back frees nothing else. */
  const sharedOnly = (waiter: Waiter) =>
    waiter.buckets.every(
      (bucket) =>
        bucket.shared ||
        (bucket.intervalMilliseconds <= 0 &&
          !Number.isFinite(bucket.perMinute ?? Number.POSITIVE_INFINITY) &&
          !Number.isFinite(bucket.perDay)),
    );

  /**
   * Hands `waiter` a slot of the shared budget that a call of its own lane and tenant, of lower
   * precedence, booked in this process and has not sent yet; that call books again. Booking ahead
   * (the lane's horizon) fixes who goes in which slot before later calls exist: a publish books
   * its campaigns, then its ad groups, a few slots ahead, and each ad, asked for only once its ad
   * group is answered, would wait behind them; ads, through /ad/create/'s own budget at half the
   * app's pace, then fall behind for good. Only the call's own budgets are booked for the slot
   * (none, for a call held by the shared budget alone). True when handed one.
   */
  async function handOff(waiter: Waiter, lane: Lane, from: number, now: number): Promise<boolean> {
    const margin = from - now + 20;
    const candidates = [...booked]
      .filter(
        ([other, at]) =>
          other.lane === lane &&
          other.tenant === waiter.tenant &&
          at > from + margin &&
          precedence(other) < precedence(waiter) &&
          sharedOnly(other),
      )
      .sort((left, right) => left[1] - right[1]);
    if (candidates.length === 0) return false;
    const own = waiter.buckets.filter((bucket) => !bucket.shared);
    let chosen: [Waiter, number] | undefined;
    // The earliest handed slot its own budgets admit, asked at the first, then at the first after
    // the one they name. Asked even of budgets with no limit: a pause TikTok asked for (40133 on
    // an ad account and path) holds on them.
    let floor = candidates[0]![1];
    for (let attempt = 0; attempt < 2 && !chosen; attempt += 1) {
      const candidate = candidates.find(([, at]) => at >= floor);
      if (!candidate) return false;
      const reservation = await store.reserve({
        buckets: own,
        now: candidate[1],
        latest: candidate[1],
        lane,
        tenant: waiter.tenant,
        handOff: true,
      });
      if (reservation.granted) chosen = candidate;
      else floor = reservation.retryAt;
    }
    if (!chosen) return false;
    const [other, at] = chosen;
    // Its timer fired while the store answered: the slot is spent (what the waiter booked of its
    // own budgets for it goes unused).
    if (booked.get(other) !== at || !other.revoke?.()) return false;
    other.notBefore = clock.now();
    queues.add(other);
    lastServed.set(lane, now);
    dequeue(waiter);
    waiter.grant(at);
    return true;
  }

  /** Books a slot for one waiting call; otherwise returns when it is worth trying again. */
  async function serveOne(now: number): Promise<'served' | number> {
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const waiter of [...queues.all()]) {
      if (waiter.deadline < now) {
        dequeue(waiter);
        waiter.fail(new RateLimitWaitError(Math.max(now, waiter.notBefore)));
      } else wakeAt = Math.min(wakeAt, waiter.deadline);
    }
    // Furthest horizon first; between equals (a starved lane aged up to interactive's), the lane
    // unserved the longest, then lane order.
    const order = queues
      .waitingLanes(now)
      .map(({ lane, waited }) => ({
        lane,
        horizon: horizonNow(lane, waited, now),
        starved: Math.min(waited, now - (lastServed.get(lane) ?? Number.NEGATIVE_INFINITY)),
      }))
      .sort(
        (left, right) =>
          right.horizon - left.horizon ||
          right.starved - left.starved ||
          lanes.indexOf(left.lane) - lanes.indexOf(right.lane),
      );
    for (const { lane, horizon } of order) {
      const overShare = new Set<string>();
      for (;;) {
        // The heads are asked for again after each refusal: an account's next call may be the one
        // behind the call just refused.
        const heads = queues.heads(lane, now);
        const waiter = heads.find((each) => each.notBefore <= now && !overShare.has(each.tenant));
        if (!waiter) {
          for (const each of heads) wakeAt = Math.min(wakeAt, each.notBefore);
          break;
        }
        let reservation;
        // A slot is booked no sooner than the booking can come back: one booked for "now" over a
        // busy database would arrive late and be booked again, and again while the store is slow.
        const from = now + bookingLead();
        try {
          if (lane !== 'interactive' && (await handOff(waiter, lane, from, now))) return 'served';
        } catch (error) {
          dequeue(waiter);
          waiter.fail(error);
          return 'served';
        }
        const wanted = lane === 'interactive' ? undefined : wantedSlot(waiter, from);
        const latest = Math.min(from + horizon, waiter.deadline);
        try {
          reservation = await store.reserve({
            buckets: waiter.buckets,
            now: from,
            latest: wanted === undefined ? latest : Math.min(latest, wanted.slot - 1),
            lane,
            tenant: waiter.tenant,
            fairShareSlack: lane === 'interactive' ? undefined : slack,
            waiting: lane === 'interactive' ? undefined : waitingTenants(lane, now),
          });
        } catch (error) {
          // The store is unreachable: this call fails as the database call would; the rest wait on.
          dequeue(waiter);
          waiter.fail(error);
          return 'served';
        }
        noteBooking(clock.now() - now);
        waiter.wants = undefined;
        if (!reservation.granted && wanted && reservation.retryAt <= latest) {
          // Free but for the slot another call wants: this one, and every other call that leaves
          // that slot, asks again after that call has asked.
          for (const other of queues.all())
            if (other.lane !== 'interactive' && wantedSlot(other, from)?.by === wanted.by)
              other.notBefore = Math.max(other.notBefore, now + 1, wanted.by.notBefore);
          wakeAt = Math.min(wakeAt, waiter.notBefore);
          continue;
        }
        if (reservation.granted) {
          lastServed.set(lane, now);
          dequeue(waiter);
          waiter.grant(reservation.at);
          return 'served';
        }
        if (reservation.retryAt > waiter.deadline) {
          dequeue(waiter);
          waiter.fail(new RateLimitWaitError(reservation.retryAt));
          continue;
        }
        if (reservation.reason === 'fair-share') {
          // Over its share: ask again once the tenants behind it have had a slot.
          waiter.notBefore = now + fairShareRetryMilliseconds(waiter.buckets);
          overShare.add(waiter.tenant);
        } else {
          // `ahead` answers when to ask again; the others, the slot, which the lane's horizon
          // reaches earlier. Time must pass before the same question can get another answer.
          const asking = reservation.reason === 'ahead';
          const from = asking ? reservation.retryAt : retryFrom(waiter, reservation.retryAt, now);
          waiter.notBefore = Math.max(now + 1, from);
          // Held by a budget of its own (paced by it, or `ahead` of the app because of it): the
          // process's other calls leave the app's slot at which that budget frees.
          if (asking) waiter.wants = reservation.slot;
          else if (reservation.reason === 'paced' && reservation.key !== keys.app())
            waiter.wants = reservation.retryAt;
          block(reservation.key, reservation.retryAt, now, asking);
          if (reservation.key !== keys.app()) leaveIfHeld(lane, waiter.tenant, now);
        }
        wakeAt = Math.min(wakeAt, waiter.notBefore);
      }
    }
    return wakeAt;
  }

  let closed = false;

  async function pump(): Promise<void> {
    pumping = true;
    try {
      while (!closed && queues.size > 0) {
        arrived = false;
        const now = clock.now();
        const next = await serveOne(now);
        if (next === 'served' || arrived) continue;
        wake = new AbortController();
        await clock.sleep(Math.max(0, next - now), wake.signal).catch(() => undefined);
        wake = undefined;
      }
    } finally {
      pumping = false;
    }
  }

  return {
    acquire(call, { deadline = Number.POSITIVE_INFINITY, signal } = {}) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (closed) return reject(new RateLimiterClosedError());
        const enqueuedAt = clock.now();
        const onAbort = () => {
          dequeue(waiter);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          buckets: bucketsFor(call),
          lane: call.lane,
          tenant: call.tenant ?? '',
          advertiser: call.advertiserId ?? '',
          rank: call.rank ?? 0,
          enqueuedAt,
          deadline,
          notBefore: enqueuedAt,
          grant(at) {
            const go = () => {
              booked.delete(waiter);
              // Sent late, a call would crowd the next one: the headroom absorbs a little of
              // that, more and the call books a new slot (the one it had goes unused).
              if (clock.now() - at > lateToleranceMilliseconds) {
                waiter.notBefore = clock.now();
                queues.add(waiter);
                kick();
                return;
              }
              signal?.removeEventListener('abort', onAbort);
              options.observer?.granted({
                lane: call.lane,
                waitedMilliseconds: Math.max(0, at - enqueuedAt),
              });
              resolve();
            };
            const delay = at - clock.now();
            if (delay <= 0) return go();
            booked.set(waiter, at);
            const revoked = new AbortController();
            waiter.revoke = () => {
              if (booked.get(waiter) !== at) return false;
              booked.delete(waiter);
              revoked.abort();
              return true;
            };
            const sleeping = signal ? AbortSignal.any([signal, revoked.signal]) : revoked.signal;
            clock.sleep(delay, sleeping).then(go, (error: unknown) => {
              // Its slot was handed to another call: it waits again, in the queue.
              if (revoked.signal.aborted && !signal?.aborted) return;
              booked.delete(waiter);
              reject(error);
            });
          },
          fail(error) {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queues.add(waiter);
        kick();
      });
    },
    async penalize(call, limit) {
      const until = pauseEnd(limit.window, clock.now());
      const key =
        limit.scope === 'advertiser'
          ? keys.advertiser(call)
          : limit.scope === 'app'
            ? keys.app()
            : keys.endpoint(call.path);
      await store.pause(key, until);
      return until;
    },
    async betweenSends() {
      for (;;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const now = clock.now();
        let due = Number.POSITIVE_INFINITY;
        // One already due is sent by its own timer, which this turn did not delay.
        for (const at of booked.values()) if (at >= now && at < due) due = at;
        if (due - now > quietBeforeSendMilliseconds) return;
        await clock.sleep(due - now + 1);
      }
    },
    usage: (tenant) => store.usage(clock.now(), tenant),
    pauses: () => store.pauses(clock.now()),
    close() {
      closed = true;
      for (const waiter of [...queues.all()]) {
        dequeue(waiter);
        waiter.fail(new RateLimiterClosedError());
      }
      wake?.abort();
    },
  };
}

/**
 * Reference §8 and correction 18: QPS → retry the next second; QPM → pause 5 minutes; QPD → wait
 * until 00:00 UTC. A throttle that names no window ("Due to too many requests, requests from App
 * [id] are temporarily restricted.", 40016, HTTP 429) is read as a minute hit: retrying it every
 * second would only spend attempts against a limit that has not reset.
 */
function pauseEnd(window: RateLimitSignal['window'], now: number): number {
  if (window === 'day') return utcDayStart(now) + 86_400_000;
  if (window === 'second') return now + second;
  return now + minuteLimitPauseMilliseconds;
}
