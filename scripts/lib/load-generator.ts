import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface LoadSpec {
  baseUrl: string;
  /** The paths put under load in turn, a phase each, round after round. */
  paths: string[];
  headers?: Record<string, string>;
  /**
   * Each request carries the next of these `cookie` headers in turn, as requests from as many
   * browsers would: a server that could answer one session's requests from another's work would
   * be measured as faster than it is.
   */
  cookies?: string[];
  /** Concurrent keep-alive connections, each with one request in flight; opened once, during the warm-up. */
  connections: number;
  /** Unmeasured load first (the paths in quick turns), so connections are open and the app is warm. */
  warmUpSeconds: number;
  rounds: number;
  phaseSeconds: number;
  /**
   * The start of each phase goes unmeasured: requests of the previous path are still in flight
   * then. A request counts for the phase it was sent in.
   */
  settleSeconds: number;
}

export interface PathLoad {
  /** Requests sent in the path's measured time and answered with a 2xx status. */
  answered: number;
  /** Other statuses, connection errors and timeouts, over the whole run. */
  failed: number;
  /** The path's measured time: its phases less their settling starts. */
  seconds: number;
  /** Each answered request's latency in milliseconds, from request written to response read. */
  latencies: number[];
}

/**
 * Puts paths under load in alternating phases with autocannon, in a process of its own: a load
 * generator inside the measured process would share its event loop and measure itself. Phases of
 * a couple of seconds, round after round, let every path meet the same machine (other programs'
 * load comes and goes) on the same open connections, so their figures can be compared.
 */
export function generateLoad(spec: LoadSpec): Promise<PathLoad[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(spec)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
      else resolve(JSON.parse(output) as PathLoad[]);
    });
  });
}

/** Long enough for the last phase's requests to be answered before autocannon stops. */
const tailSeconds = 2;
/** The warm-up turns through the paths this fast, so each warms up whatever the warm-up's length. */
const warmUpTurnMilliseconds = 250;

async function run(spec: LoadSpec): Promise<PathLoad[]> {
  const count = spec.paths.length;
  const loads: PathLoad[] = spec.paths.map(() => ({
    answered: 0,
    failed: 0,
    seconds: spec.rounds * (spec.phaseSeconds - spec.settleSeconds),
    latencies: [],
  }));
  const started = performance.now();
  const measuringFrom = started + spec.warmUpSeconds * 1000;
  const phaseOf = (time: number): { path: number; measured: boolean } => {
    if (time < measuringFrom)
      return { path: Math.floor((time - started) / warmUpTurnMilliseconds) % count, measured: false };
    const offset = time - measuringFrom;
    const phase = Math.floor(offset / (spec.phaseSeconds * 1000));
    const intoPhase = offset - phase * spec.phaseSeconds * 1000;
    return {
      path: phase % count,
      measured: phase < spec.rounds * count && intoPhase >= spec.settleSeconds * 1000,
    };
  };
  let sent = 0;
  const cookies = spec.cookies ?? [];
  let connectionErrors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        headers: spec.headers,
        connections: spec.connections,
        duration: spec.warmUpSeconds + spec.rounds * count * spec.phaseSeconds + tailSeconds,
        timeout: 60,
        // Called as each request is about to be written: it goes to the path of this moment's phase.
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              path: spec.paths[phaseOf(performance.now()).path],
              ...(cookies.length > 0
                ? { headers: { ...request.headers, cookie: cookies[(sent += 1) % cookies.length]! } }
                : {}),
            }),
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, statusCode, _bytes, milliseconds) => {
      const { path, measured } = phaseOf(performance.now() - milliseconds);
      if (statusCode < 200 || statusCode >= 300) loads[path]!.failed += 1;
      else if (measured) {
        loads[path]!.answered += 1;
        loads[path]!.latencies.push(Math.round(milliseconds * 100) / 100);
      }
    });
    instance.on('reqError', () => (connectionErrors += 1));
  });
  if (connectionErrors > 0) for (const load of loads) load.failed += connectionErrors;
  return loads;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(await run(JSON.parse(process.argv[2]!) as LoadSpec)));
}
