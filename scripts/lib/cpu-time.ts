import { readFileSync } from 'node:fs';
import type pg from 'pg';

/**
 * CPU time, which a busy shared machine inflates far less than wall time: a process that waits
 * for a core spends no CPU meanwhile. Read from /proc, so only for a server on this machine;
 * each reader answers undefined where it cannot see.
 */

const ticksPerSecond = 100;

/** A process's user + system CPU in milliseconds, from /proc/<pid>/stat. */
function processMilliseconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/**
 * The CPU the client backends of `client`'s database have used so far, per backend. A backend
 * that starts between two readings counts whole; one that ends is missed (the pool keeps a busy
 * connection).
 */
export async function backendMilliseconds(client: pg.Client): Promise<Map<number, number> | undefined> {
  const { rows } = await client.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'",
  );
  const times = new Map<number, number>();
  for (const { pid } of rows) {
    const milliseconds = processMilliseconds(pid);
    if (milliseconds === undefined) return undefined;
    times.set(pid, milliseconds);
  }
  return times;
}

/** The CPU milliseconds backends used between two readings of `backendMilliseconds`. */
export function backendDifference(
  before: Map<number, number> | undefined,
  after: Map<number, number> | undefined,
): number | undefined {
  if (!before || !after) return undefined;
  let sum = 0;
  for (const [pid, milliseconds] of after) sum += milliseconds - (before.get(pid) ?? 0);
  return sum;
}

/** This process's CPU milliseconds so far (every thread: pg's writing, GC). */
export function ownMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Microseconds, so far, during which some task on this machine waited for a core
 * (/proc/pressure/cpu "some"): its growth over a run, as a share of the run, says how busy the
 * machine was. Undefined where the kernel does not report it.
 */
export function cpuStallMicroseconds(): number | undefined {
  try {
    const some = readFileSync('/proc/pressure/cpu', 'utf8')
      .split('\n')
      .find((line) => line.startsWith('some '));
    const total = /total=(\d+)/.exec(some ?? '')?.[1];
    return total === undefined ? undefined : Number(total);
  } catch {
    return undefined;
  }
}
