/**
 * Who is waiting for a TikTok call (issue 10 §2). Every call names its lane:
 *   - `interactive`: a person waits on the answer (connect, check a connection, a click);
 *   - `publish`: background publishing;
 *   - `sync`: mirrors, report syncs and backfills.
 */
export const lanes = ['interactive', 'publish', 'sync'] as const;
export type Lane = (typeof lanes)[number];

/** A call's place in the queue: its lane, and whose work it is so that a lane is shared fairly. */
export interface CallPriority {
  lane: Lane;
  /** The workspace the call works for; calls without one share a single queue in their lane. */
  tenant?: string | undefined;
  /**
   * Among one ad account's calls waiting in a lane, a higher rank asks first (default 0): work
   * that other work waits on, such as a publish's ad groups, whose ads wait for their ids.
   */
  rank?: number | undefined;
}

/**
 * How far ahead of now a lane may book a call slot. Booking ahead is how lanes are ordered across
 * processes without a coordinator: a sync call books only the next few slots, so an interactive
 * call arriving anywhere finds a slot at most `horizon.sync` away and books it ahead of any later
 * sync call. A lane left unserved while it has calls waiting ages: past a grace its horizon
 * grows with the time since it was last served, up to the interactive one, so no lane starves
 * however busy the others are (with the defaults a sync lane unserved for 1.45 s books like an
 * interactive call, so it gets at least about one call every 1.5 s).
 */
export interface LanePolicy {
  horizonMilliseconds: Record<Lane, number>;
  /** How long a lane may go unserved before it ages: longer than its calls' spacing under load. */
  agingAfterMilliseconds: number;
  /** Horizon gained per millisecond a lane goes unserved after the grace. */
  agingPerMillisecond: number;
}

export const defaultLanePolicy: LanePolicy = {
  horizonMilliseconds: { interactive: 2_000, publish: 300, sync: 200 },
  agingAfterMilliseconds: 1_000,
  agingPerMillisecond: 4,
};

/** The horizon of `lane` when it has gone unserved for `starvedMilliseconds` with calls waiting. */
export function horizonOf(policy: LanePolicy, lane: Lane, starvedMilliseconds: number): number {
  const ceiling = policy.horizonMilliseconds.interactive;
  const base = policy.horizonMilliseconds[lane];
  const aged = Math.max(0, starvedMilliseconds - policy.agingAfterMilliseconds);
  return Math.min(Math.max(base, ceiling), base + aged * policy.agingPerMillisecond);
}

/**
 * The earliest time from `now` at which a lane starved for `starvedMilliseconds` (and ageing on)
 * may book a slot at `slot`: when its horizon, growing as it waits, reaches the slot.
 */
export function bookableFrom(
  policy: LanePolicy,
  lane: Lane,
  starvedMilliseconds: number,
  now: number,
  slot: number,
): number {
  const base = policy.horizonMilliseconds[lane];
  const ceiling = Math.max(base, policy.horizonMilliseconds.interactive);
  const aging = policy.agingPerMillisecond;
  // Unserved time counts once the grace is over: from agesFrom on, the horizon grows.
  const agesFrom = now + Math.max(0, policy.agingAfterMilliseconds - Math.max(0, starvedMilliseconds));
  const agedAtNow = Math.max(0, starvedMilliseconds - policy.agingAfterMilliseconds);
  // Within reach of the lane's own horizon before it starts to age.
  if (slot - base <= agesFrom) return Math.max(now, slot - base);
  // After agesFrom, horizon(t) = min(ceiling, base + aging·(agedAtNow + t − agesFrom)) reaches slot − t.
  const growing = (slot - base - aging * agedAtNow + aging * agesFrom) / (1 + aging);
  return Math.max(now, slot - ceiling, growing);
}
