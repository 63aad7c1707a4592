import type { Database } from '@whathead/db';
import type { CallRecord, Emulator } from '@whathead/tiktok-emulator';

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** One mirror pass as pg-boss and the emulator saw it. */
export interface SyncPass {
  /** Whether every account's job ended before the deadline. */
  finished: boolean;
  /** From the first sync job's start to the last one's end, or to the deadline (pg-boss's own times). */
  milliseconds: number;
  /** Every API call the emulator answered from the trigger to the last job's end. */
  calls: CallRecord[];
  /** The calls the sync says it made (its jobs' outputs), to check the emulator's count against. */
  callsCountedBySync: number;
  /** Each account's job: when it started and ended, or the deadline for one still running (epoch ms). */
  jobs: { advertiserId: string; state: string; startedAt: number; completedAt: number }[];
}

/** Waits until no job is waiting or running (jobs due later, such as a retry's, aside). */
export async function jobsSettled(database: Database, timeoutMilliseconds = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMilliseconds;
  while (performance.now() < deadline) {
    const { rows } = await database.executeSql(
      "select count(*)::int as count from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()",
    );
    if ((rows[0] as { count: number }).count === 0) return;
    await pause(100);
  }
  throw new Error(`jobs still waiting or running after ${timeoutMilliseconds / 1000} s`);
}

/**
 * Runs `trigger` (what queues the pass: a selection, Refresh) and waits until the `accounts` sync
 * jobs it queued are done, or `deadlineMilliseconds` have passed: then the pass is measured as far
 * as it went. A job that failed, or waits for a retry, ends the benchmark.
 */
export async function syncPass(
  database: Database,
  emulator: Emulator,
  accounts: number,
  trigger: () => Promise<void>,
  deadlineMilliseconds: number,
  /** The per-account job the pass is made of. */
  jobName = 'tiktok-campaign-sync',
): Promise<SyncPass> {
  emulator.control.clearCalls();
  const { rows: clock } = await database.executeSql('select now() as now');
  const since = (clock[0] as { now: Date }).now;
  await trigger();
  const started = performance.now();
  let done = 0;
  let finished = false;
  while (!finished && performance.now() < started + deadlineMilliseconds) {
    await pause(50);
    const { rows } = await database.executeSql(
      'select state, output from pgboss.job where name = $2 and created_on >= $1',
      [since, jobName],
    );
    const jobs = rows as { state: string; output: unknown }[];
    const broken = jobs.find((job) => ['failed', 'retry', 'cancelled'].includes(job.state));
    if (broken) throw new Error(`a sync job is ${broken.state}: ${JSON.stringify(broken.output)}`);
    const completed = jobs.filter((job) => job.state === 'completed').length;
    if (completed > done)
      console.log(
        `  ${completed} of ${accounts} accounts done after ${Math.round((performance.now() - started) / 100) / 10} s`,
      );
    done = completed;
    finished = jobs.length >= accounts && completed === jobs.length;
  }
  const calls = emulator.control.calls();
  const { rows } = await database.executeSql(
    `select data ->> 'advertiserId' as "advertiserId", state,
       extract(epoch from coalesce(started_on, now())) * 1000 as "startedAt",
       extract(epoch from coalesce(completed_on, now())) * 1000 as "completedAt",
       coalesce((output ->> 'calls')::int, 0) as calls
     from pgboss.job where name = $2 and created_on >= $1 order by started_on`,
    [since, jobName],
  );
  const jobs = (rows as Record<string, string | number>[]).map((job) => ({
    advertiserId: String(job.advertiserId),
    state: String(job.state),
    startedAt: Number(job.startedAt),
    completedAt: Number(job.completedAt),
    calls: Number(job.calls),
  }));
  return {
    finished,
    milliseconds:
      Math.max(...jobs.map((job) => job.completedAt)) - Math.min(...jobs.map((job) => job.startedAt)),
    calls,
    callsCountedBySync: jobs.reduce((sum, job) => sum + job.calls, 0),
    jobs,
  };
}

export interface ModifiedAd {
  advertiserId: string;
  adId: string;
  /** The operation status it has now. */
  status: 'ENABLE' | 'DISABLE';
}

/**
 * Turns `share` of each account's ads off (or on, if off) through /ad/status/update/, 20 a call
 * (its limit), as someone working in Ads Manager would: TikTok sets their modify time. The calls
 * are paced under the app's limit and followed by a second's pause, so the next pass starts in a
 * rate window of its own.
 */
export async function modifyAds(
  emulator: Emulator,
  emulatorUrl: string,
  accessToken: string,
  advertiserIds: readonly string[],
  share: number,
): Promise<{ ads: ModifiedAd[] }> {
  const every = Math.round(1 / share);
  const ads: ModifiedAd[] = [];
  for (const advertiserId of advertiserIds) {
    const live = [...emulator.state.store.ads.values()].filter(
      (ad) => ad.advertiser_id === advertiserId && ad.operation_status !== 'DELETE',
    );
    // Each chosen ad's new status, decided before any call changes the store these records live in.
    const changes = live
      .filter((_, index) => index % every === Math.floor(every / 2))
      .map((ad) => ({ adId: ad.ad_id, status: ad.operation_status === 'ENABLE' ? 'DISABLE' : 'ENABLE' }));
    for (const status of ['DISABLE', 'ENABLE'] as const) {
      const ids = changes.filter((change) => change.status === status).map((change) => change.adId);
      for (let start = 0; start < ids.length; start += 20) {
        const batch = ids.slice(start, start + 20);
        await changeStatus(emulatorUrl, accessToken, { advertiserId, adIds: batch, status });
        ads.push(...batch.map((adId) => ({ advertiserId, adId, status })));
      }
    }
  }
  await pause(1_100);
  return { ads };
}

async function changeStatus(
  emulatorUrl: string,
  accessToken: string,
  change: { advertiserId: string; adIds: string[]; status: string },
): Promise<void> {
  for (;;) {
    const response = await fetch(`${emulatorUrl}/open_api/v1.3/ad/status/update/`, {
      method: 'POST',
      headers: { 'access-token': accessToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        advertiser_id: change.advertiserId,
        ad_ids: change.adIds,
        operation_status: change.status,
      }),
    });
    const answer = (await response.json()) as { code: number; message: string };
    // Eight calls a second leave the Basic tier's ten some room.
    await pause(125);
    if (answer.code === 0) return;
    if (answer.code !== 40100) throw new Error(`/ad/status/update/: ${answer.code} ${answer.message}`);
    await pause(1_000);
  }
}

/** How many of the changed ads the mirror holds with the status they were given at TikTok. */
export async function changedAdsMirrored(
  database: Database,
  workspaceId: string,
  ads: readonly ModifiedAd[],
): Promise<number> {
  const { rows } = await database.executeSql(
    `select count(*)::int as count from tiktok_entities entity
     join jsonb_to_recordset($2::jsonb) as changed(advertiser_id text, ad_id text, status text)
       on entity.advertiser_id = changed.advertiser_id and entity.entity_id = changed.ad_id
     where entity.workspace_id = $1 and entity.level = 'ad' and entity.operation_status = changed.status`,
    [
      workspaceId,
      JSON.stringify(
        ads.map((ad) => ({ advertiser_id: ad.advertiserId, ad_id: ad.adId, status: ad.status })),
      ),
    ],
  );
  return (rows[0] as { count: number }).count;
}
