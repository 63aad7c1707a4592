-- One TikTok rate budget for every process, booked ahead by pacing, with lanes and fair shares
-- (issue 10; docs/decisions/0007-one-rate-budget-booked-ahead.md). Replaces 0007's calendar windows.
-- Written for PostgreSQL 15; runs on PGlite as is. Times are Unix milliseconds.

drop table tiktok_rate_windows;
drop table tiktok_rate_pauses;

-- One budget (the app, an endpoint, an advertiser and path): when its next call may go, its calls
-- this UTC day, and until when TikTok asked us to stop using it.
create table tiktok_rate_buckets (
  key text primary key,
  next_at double precision not null default 0,
  day_start bigint not null default 0,
  day_count integer not null default 0,
  paused_until bigint not null default 0
);

-- Calls booked per tenant (workspace) in a fair-shared lane, and when it last asked for one.
create table tiktok_rate_tenants (
  lane text not null,
  tenant text not null,
  served bigint not null default 0,
  seen_at double precision not null,
  primary key (lane, tenant)
);
create index tiktok_rate_tenants_waiting on tiktok_rate_tenants (lane, seen_at);

-- Calls booked per UTC day, lane and tenant ('' = no tenant), for the usage panel.
create table tiktok_rate_usage (
  day_start bigint not null,
  lane text not null,
  tenant text not null,
  calls bigint not null default 0,
  primary key (day_start, lane, tenant)
);

-- Books one call's slot atomically (docs/decisions/0007). The earliest slot every bucket admits
-- is its latest `next_at` or pause; a bucket whose day is spent moves it to the next UTC day. A slot
-- later than p_latest is refused and books nothing, and so is one that would leave another of
-- the call's budgets (the app's) idle for more than one of its slots before it. In a
-- fair-shared lane (p_slack not null) a tenant is refused a call that would put it more than
-- p_slack calls ahead of the least-served tenant still waiting.
-- Bucket rows are locked in key order, so concurrent calls never deadlock; the locks last for
-- this one statement.
create function tiktok_rate_reserve(
  p_keys text[],
  p_intervals double precision[],
  p_per_day double precision[],
  p_now double precision,
  p_latest double precision,
  p_lane text,
  p_tenant text,
  p_slack integer,
  p_waiting text[],
  p_active_ms double precision,
  p_fair_retry_ms double precision
) returns table (granted boolean, slot double precision, reason text, blocked_key text)
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
begin
  insert into tiktok_rate_buckets (key)
    select k.key from unnest(p_keys, p_intervals, p_per_day) as k(key, interval_ms, per_day)
    where k.interval_ms > 0 or k.per_day < 'Infinity'::double precision
    order by k.key
    on conflict do nothing;

  for bucket in
    select b.*, k.interval_ms, k.per_day
    from unnest(p_keys, p_intervals, p_per_day) as k(key, interval_ms, per_day)
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
  end loop;

  for bucket in
    select b.key, b.day_start, b.day_count, k.per_day
    from unnest(p_keys, p_intervals, p_per_day) as k(key, interval_ms, per_day)
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
    return query select false, v_slot, v_reason, v_key;
    return;
  end if;
  -- A budget the call shares with others (the app's) would skip more than one of its slots if
  -- the call booked a slot another budget pushed this far ahead: it asks again when the skip is
  -- one slot at most, leaving the slots between to calls that can use them. Other calls keep
  -- that budget booked some way ahead of now: the call asks again when, at that lead, the
  -- budget's free slot has reached its own.
  select max(v_slot - (greatest(coalesce(b.next_at, p_now), p_now) - p_now)) into v_ask
    from unnest(p_keys, p_intervals, p_per_day) as k(key, interval_ms, per_day)
    left join tiktok_rate_buckets b on b.key = k.key
    where k.interval_ms > 0 and k.key is distinct from v_key
      and v_slot - greatest(coalesce(b.next_at, p_now), p_now) > k.interval_ms;
  if v_ask is not null then
    return query select false, v_ask, 'ahead'::text, v_key;
    return;
  end if;
  if not v_fair then
    return query select false, v_slot + p_fair_retry_ms, 'fair-share'::text, null::text;
    return;
  end if;

  v_day := floor(v_slot / 86400000)::bigint * 86400000;
  update tiktok_rate_buckets b set
      next_at = case when k.interval_ms > 0 then v_slot + k.interval_ms else b.next_at end,
      day_count = case when b.day_start = v_day then b.day_count + 1 else 1 end,
      day_start = v_day
    from unnest(p_keys, p_intervals, p_per_day) as k(key, interval_ms, per_day)
    where b.key = k.key and (k.interval_ms > 0 or k.per_day < 'Infinity'::double precision);
  if p_slack is not null then
    update tiktok_rate_tenants set served = served + 1 where lane = p_lane and tenant = p_tenant;
  end if;
  insert into tiktok_rate_usage as u (day_start, lane, tenant, calls)
    select distinct v_day, p_lane, who, 1 from unnest(array['', p_tenant]) as who
    on conflict (day_start, lane, tenant) do update set calls = u.calls + 1;
  return query select true, v_slot, null::text, null::text;
end
$$;
