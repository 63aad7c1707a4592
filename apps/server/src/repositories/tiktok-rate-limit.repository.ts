import { sql, type Database, type Kysely, type Tables } from '@whathead/db';
import {
  fairShareActiveMilliseconds,
  fairShareRetryMilliseconds,
  lanes,
  type Lane,
  type LaneUsage,
  type RateLimitStore,
  type RatePause,
  type RefusalReason,
  type Reservation,
  type ReserveRequest,
} from '@whathead/tiktok-client';

const day = 86_400_000;

/**
 * The TikTok client's rate-limit store in PostgreSQL (or PGlite): every process on one database
 * books its calls in one budget, so the app as a whole stays under TikTok's limits, a pause after
 * a 40100 or 40133 seen by any process holds for all, and lanes and fair shares are counted across
 * all of them. A booking is one call of `tiktok_rate_reserve` (migrations 0008, 0020), which locks the
 * call's bucket rows for that one statement only. Why this design: docs/decisions/0007.
 */
export class TikTokRateLimitRepository implements RateLimitStore {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async reserve(request: ReserveRequest): Promise<Reservation> {
    const keys = request.buckets.map((bucket) => bucket.key);
    // Infinity travels as text: both drivers would otherwise send it as a JSON-ish number.
    const intervals = request.buckets.map((bucket) => String(bucket.intervalMilliseconds));
    const perMinute = request.buckets.map((bucket) => String(bucket.perMinute ?? Number.POSITIVE_INFINITY));
    const perDay = request.buckets.map((bucket) => String(bucket.perDay));
    const shared = request.buckets.map((bucket) => bucket.shared === true);
    const { rows } = await sql<{
      granted: boolean;
      slot: number;
      reason: RefusalReason;
      blocked_key: string | null;
      wanted: number | null;
    }>`select * from tiktok_rate_reserve(
        ${keys}::text[], ${intervals}::double precision[], ${perMinute}::double precision[],
        ${perDay}::double precision[], ${shared}::boolean[],
        ${request.now}::double precision, ${request.latest}::double precision,
        ${request.lane}, ${request.tenant}, ${request.fairShareSlack ?? null}::integer,
        ${request.waiting ? [...request.waiting] : null}::text[],
        ${fairShareActiveMilliseconds}::double precision,
        ${fairShareRetryMilliseconds(request.buckets)}::double precision,
        ${request.handOff === true}::boolean)`.execute(this.#db);
    const row = rows[0]!;
    const slot = Number(row.slot);
    return row.granted
      ? { granted: true, at: slot }
      : {
          granted: false,
          retryAt: slot,
          reason: row.reason,
          key: row.blocked_key ?? undefined,
          ...(row.wanted === null ? {} : { slot: Number(row.wanted) }),
        };
  }

  async pause(key: string, until: number): Promise<void> {
    await this.#db
      .insertInto('tiktok_rate_buckets')
      .values({ key, paused_until: Math.ceil(until) })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          paused_until: sql`greatest(tiktok_rate_buckets.paused_until, excluded.paused_until)`,
        }),
      )
      .execute();
  }

  async leave(lane: Lane, tenant: string): Promise<void> {
    await this.#db
      .updateTable('tiktok_rate_tenants')
      .set({ seen_at: 0 })
      .where('lane', '=', lane)
      .where('tenant', '=', tenant)
      .execute();
  }

  async usage(now: number, tenant: string | undefined): Promise<LaneUsage[]> {
    const rows = await this.#db
      .selectFrom('tiktok_rate_usage')
      .select(['lane', 'tenant', 'calls'])
      .where('day_start', '=', String(Math.floor(now / day) * day))
      .where('tenant', 'in', tenant === undefined ? [''] : ['', tenant])
      .execute();
    const callsOf = (lane: Lane, who: string) =>
      Number(rows.find((row) => row.lane === lane && row.tenant === who)?.calls ?? 0);
    return lanes.map((lane) => ({
      lane,
      calls: callsOf(lane, ''),
      tenantCalls: tenant === undefined ? 0 : callsOf(lane, tenant),
    }));
  }

  /**
   * Forgets what no longer paces anything: budgets (an advertiser and path, mostly) with no pause,
   * no slot booked and no calls counted in the last day, tenants that stopped waiting a day ago,
   * and usage counts older than 90 days.
   */
  async deleteIdle(now: number): Promise<number> {
    const dayAgo = now - day;
    const buckets = await this.#db
      .deleteFrom('tiktok_rate_buckets')
      .where('key', '<>', 'app')
      .where('next_at', '<', dayAgo)
      .where('paused_until', '<', String(dayAgo))
      .where('day_start', '<', String(Math.floor(now / day) * day - day))
      .executeTakeFirst();
    const tenants = await this.#db
      .deleteFrom('tiktok_rate_tenants')
      .where('seen_at', '<', dayAgo)
      .executeTakeFirst();
    const usage = await this.#db
      .deleteFrom('tiktok_rate_usage')
      .where('day_start', '<', String(Math.floor(now / day) * day - 90 * day))
      .executeTakeFirst();
    return [buckets, tenants, usage].reduce((sum, result) => sum + Number(result.numDeletedRows), 0);
  }

  async pauses(now: number): Promise<RatePause[]> {
    const rows = await this.#db
      .selectFrom('tiktok_rate_buckets')
      .select(['key', 'paused_until'])
      .where('paused_until', '>', String(Math.floor(now)))
      .orderBy('key')
      .execute();
    return rows.map((row) => ({ key: row.key, until: Number(row.paused_until) }));
  }
}
