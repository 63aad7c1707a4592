-- The shared TikTok rate budget spaces calls by the per-second limit alone and counts the
-- per-minute limit over any 60 s (docs/decisions/0017-per-minute-counted-not-spaced.md). Before,
-- a bucket was spaced by the tighter of the two, so /ad/create/ (5 a second, 150 a minute) went
-- at 412 ms where TikTok allows 200 ms until 150 calls fall in a minute. And only the budget every
-- call shares (the app's) refuses a call that would leave its slots unused: an endpoint's budget
-- left idle while the app is busy is no loss, and refusing for it held ad calls back behind a
-- queue of other calls for as long as that queue lasted. The shared budget itself no longer lets a
-- call skip one of its slots (a skipped slot is lost): with /ad/create/ spaced at 200 ms rather
-- than 400, skipping one app slot per ad would cost a third of the app's calls.
-- Written for PostgreSQL 15; runs on PGlite as is. Times are Unix milliseconds.

-- The slots booked in the last minute, oldest first, for buckets with a per-minute count.
alter table tiktok_rate_buckets add column minute_slots double precision[] not null default '{}';

drop function tiktok_rate_reserve(
  text[], double precision[], double precision[], double precision, double precision, text, text,
  integer, text[], double precision, double precision
);

-- Books one call's slot atomically (docs/decisions/0007, 0017). The earliest slot every bucket
-- admits is its latest `next_at`, pause, or one minute after the call `per_minute` calls back; a
-- bucket whose day is spent moves it to the next UTC day. A slot later than p_latest is refused
-- and books nothing, and so is one that would leave a shared budget (p_shared: the app's) idle
-- before it (its answer then names the slot it wanted). In a fair-shared lane (p_slack not null) a tenant is
-- refused a call that would put it more than p_slack calls ahead of the least-served tenant
-- still waiting. Bucket rows are locked in key order, so concurrent calls never deadlock; the
-- locks last for this one statement. A call handed a slot of the shared budget that another call
-- of its process gave up (p_hand_off) books only its own budgets, and is not counted again.
create function tiktok_rate_reserve(
  p_keys text[],
  p_intervals double precision[],
  p_per_minute double precision[],
  p_per_day double precision[],
  p_shared boolean[],
  p_now double precision,
  p_latest double precision,
  p_lane text,
  p_tenant text,
  p_slack integer,
  p_waiting text[],
  p_active_ms double precision,
  p_fair_retry_ms double precision,
  p_hand_off boolean
) returns table (granted boolean, slot double precision, reason text, blocked_key text,
                wanted double precision)
language plpgsql as $$
declare
  bucket record;
  v_slot double precision := p_now;
  v_reason text := 'paced';
  v_key text := null;
  v_day bigint;
  v_served bigint;
  v_floor bigint;
  v_fair boolean := true;
  v_ask double precision;
  v_count integer;
begin
  insert into tiktok_rate_buckets (key)
    select k.key from unnest(p_keys, p_intervals, p_per_minute, p_per_day)
      as k(key, interval_ms, per_minute, per_day)
    where k.interval_ms > 0 or k.per_minute < 'Infinity'::double precision
      or k.per_day < 'Infinity'::double precision
    order by k.key
    on conflict do nothing;

  for bucket in
    select b.*, k.interval_ms, k.per_minute
    from unnest(p_keys, p_intervals, p_per_minute) as k(key, interval_ms, per_minute)
    join tiktok_rate_buckets b on b.key = k.key
    order by b.key
    for update of b
  loop
    if bucket.paused_until > v_slot then
      v_slot := bucket.paused_until; v_reason := 'paused'; v_key := bucket.key;
    end if;
    if bucket.interval_ms > 0 and bucket.next_at > v_slot then
      v_slot := bucket.next_at; v_reason := 'paced'; v_key := bucket.key;
    end if;
    v_count := coalesce(array_length(bucket.minute_slots, 1), 0);
    if bucket.per_minute < 'Infinity'::double precision and v_count >= bucket.per_minute
       and bucket.minute_slots[v_count - bucket.per_minute::integer + 1] + 60000 > v_slot then
      v_slot := bucket.minute_slots[v_count - bucket.per_minute::integer + 1] + 60000;
      v_reason := 'paced'; v_key := bucket.key;
    end if;
  end loop;

  for bucket in
    select b.key, b.day_start, b.day_count, k.per_day
    from unnest(p_keys, p_per_day) as k(key, per_day)
    join tiktok_rate_buckets b on b.key = k.key
    order by b.key
  loop
    v_day := floor(v_slot / 86400000)::bigint * 86400000;
    if bucket.day_start = v_day and bucket.day_count >= bucket.per_day then
      v_slot := v_day + 86400000; v_reason := 'day'; v_key := bucket.key;
    end if;
  end loop;

  if p_slack is not null then
    select min(t.served) into v_floor from tiktok_rate_tenants t
      where t.lane = p_lane and t.tenant <> p_tenant and t.seen_at >= p_now - p_active_ms;
    -- The caller's tenant and the others waiting in its process count as waiting. A tenant coming
    -- back after a quiet spell starts level with the others, not owed for the spell.
    insert into tiktok_rate_tenants as t (lane, tenant, served, seen_at)
      select p_lane, who, coalesce(v_floor, 0), p_now
      from (select distinct unnest(array_append(coalesce(p_waiting, '{}'), p_tenant)) as who) as waiting
      order by who
      on conflict (lane, tenant) do update set
        served = case when t.seen_at < p_now - p_active_ms
                      then greatest(t.served, coalesce(v_floor, t.served)) else t.served end,
        seen_at = p_now;
    select t.served into v_served from tiktok_rate_tenants t where t.lane = p_lane and t.tenant = p_tenant;
    v_fair := v_floor is null or v_served < v_floor + p_slack;
  end if;

  if v_slot > p_latest then
    return query select false, v_slot, v_reason, v_key, null::double precision;
    return;
  end if;
  -- A budget the call shares with every other (the app's) books one slot after another: a slot
  -- it skipped would be lost. So a call another budget pushes past the shared budget's free slot
  -- (by more than a millisecond) asks again when that free slot has reached its own, leaving the
  -- slots between to calls that can use them. Other calls keep the shared budget booked some way
  -- ahead of now: the call asks again when, at that lead, the free slot has reached its own.
  select max(v_slot - (greatest(coalesce(b.next_at, p_now), p_now) - p_now)) into v_ask
    from unnest(p_keys, p_intervals, p_shared) as k(key, interval_ms, shared)
    left join tiktok_rate_buckets b on b.key = k.key
    where k.shared and k.interval_ms > 0 and k.key is distinct from v_key
      and v_slot - greatest(coalesce(b.next_at, p_now), p_now) > 1;
  if v_ask is not null then
    return query select false, v_ask, 'ahead'::text, v_key, v_slot;
    return;
  end if;
  if not v_fair then
    return query select false, v_slot + p_fair_retry_ms, 'fair-share'::text, null::text, null::double precision;
    return;
  end if;

  v_day := floor(v_slot / 86400000)::bigint * 86400000;
  update tiktok_rate_buckets b set
      next_at = case when k.interval_ms > 0 then v_slot + k.interval_ms else b.next_at end,
      minute_slots = case when k.per_minute < 'Infinity'::double precision
                          then (b.minute_slots || v_slot)[
                                 greatest(1, coalesce(array_length(b.minute_slots, 1), 0) + 2 - k.per_minute::integer):]
                          else b.minute_slots end,
      day_count = case when b.day_start = v_day then b.day_count + 1 else 1 end,
      day_start = v_day
    from unnest(p_keys, p_intervals, p_per_minute, p_per_day) as k(key, interval_ms, per_minute, per_day)
    where b.key = k.key and (k.interval_ms > 0 or k.per_minute < 'Infinity'::double precision
                             or k.per_day < 'Infinity'::double precision);
  if p_slack is not null then
    update tiktok_rate_tenants set served = served + 1 where lane = p_lane and tenant = p_tenant;
  end if;
  -- A call handed a slot of the shared budget (p_hand_off) was counted with that slot's booking.
  insert into tiktok_rate_usage as u (day_start, lane, tenant, calls)
    select distinct v_day, p_lane, who, 1 from unnest(array['', p_tenant]) as who
    where not p_hand_off
    on conflict (day_start, lane, tenant) do update set calls = u.calls + 1;
  return query select true, v_slot, null::text, null::text, null::double precision;
end
$$;
