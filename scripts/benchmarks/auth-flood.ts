/**
 * Log-in latency while sign-ups flood in. The real app (HTTP, sessions, throttles in the database,
 * scrypt at the standard cost) is started twice in this process: with its protections, and with
 * them switched off through dependency injection (no throttle limits, no hashing cap, new
 * passwords hashed at normal priority), the way it behaved before them. Each is measured idle, then while 40 sign-ups arrive at once, from 40
 * addresses so that per-address limits cannot help, several rounds in a row. Each app gets a
 * database of its own.
 *
 * Runs on embedded PGlite in a temporary data dir, or, when TEST_DATABASE_URL or DATABASE_URL is
 * set, on a throwaway database created on that PostgreSQL server (and dropped again).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createTestDatabase } from '@whathead/db/testing';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { loggerOptions } from '../../apps/server/src/lib/logger.js';
import { hashPassword, standardCost } from '../../apps/server/src/lib/password.js';
import { startWhathead } from '../../apps/server/src/server.js';
import type { AuthenticationLimits } from '../../apps/server/src/services/services.js';
import {
  standardThrottleRules,
  type ThrottleRules,
} from '../../apps/server/src/services/throttle.service.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { freePort } from '../lib/postgres-cluster.js';
import { HttpVisitor } from '../lib/http-visitor.js';

const floodSize = 40;
const rounds = 4;
/** Idle log-ins before each flood: idle and flood alternate, so both meet the same background load. */
const idleSamplesPerRound = 10;
const member = { email: 'member@example.com', password: 'the member’s own password' };

/** How the app behaved before its protections: every sign-up hashed at once, at normal priority, none refused. */
const unprotected: AuthenticationLimits = {
  throttles: Object.fromEntries(
    Object.entries(standardThrottleRules).map(([name, rule]) => [name, { ...rule, limit: Infinity }]),
  ) as ThrottleRules,
  hashing: {
    newPasswordsAtLowPriority: false,
    perNetwork: Infinity,
    concurrent: Infinity,
    concurrentRoutine: Infinity,
    waiting: { urgent: Infinity, routine: Infinity },
    maxWaitMilliseconds: 2 ** 31 - 1,
  },
};

/** Real time, moved forward between rounds so each flood meets fresh throttle windows. */
class BenchClock {
  #offsetMilliseconds = 0;
  now = (): Date => new Date(Date.now() + this.#offsetMilliseconds);
  advance(seconds: number): void {
    this.#offsetMilliseconds += seconds * 1000;
  }
}

interface Measurement {
  idle: number[];
  flood: number[];
  signUps: Record<number, number>;
  floodSeconds: number;
}

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const engine = serverUrl ? 'postgres' : 'pglite';

/** A fresh database for one app: a PGlite data dir, or a new database on the PostgreSQL server. */
async function database(): Promise<{ environment: Record<string, string>; close(): Promise<void> }> {
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-bench-'));
  const removeDirectory = async () => rmSync(dataDirectory, { recursive: true, force: true });
  if (!serverUrl) return { environment: { WHATHEAD_DATA_DIR: dataDirectory }, close: removeDirectory };
  // createTestDatabase makes a new database on the server of TEST_DATABASE_URL, dropped on close.
  process.env.TEST_DATABASE_URL = serverUrl;
  const throwaway = await createTestDatabase({ migrated: false }).catch(async (error: unknown) => {
    await removeDirectory();
    throw error;
  });
  return {
    environment: { WHATHEAD_DATA_DIR: dataDirectory, DATABASE_URL: throwaway.url! },
    async close() {
      await throwaway.close();
      await removeDirectory();
    },
  };
}

async function measure(label: string, limits: AuthenticationLimits | undefined): Promise<Measurement> {
  const store = await database();
  try {
    return await measureOn(store.environment, label, limits);
  } finally {
    await store.close();
  }
}

async function measureOn(
  environment: Record<string, string>,
  label: string,
  limits: AuthenticationLimits | undefined,
): Promise<Measurement> {
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    TRUST_PROXY: '127.0.0.1',
    WHATHEAD_ROLE: 'web',
    SESSION_SECRET: randomBytes(48).toString('base64'),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...environment,
  });
  // Requests are logged as in production, into a sink: the logging is part of the cost.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const logger = pino(loggerOptions('info'), sink) as FastifyBaseLogger;
  const clock = new BenchClock();
  const whathead = await startWhathead(config, {
    logger,
    clock,
    authenticationLimits: limits,
    webRoot: '/nonexistent-web-root',
    tiktok: {
      mode: 'emulator',
      appId: 'none',
      secret: 'none',
      apiBaseUrl: 'http://127.0.0.1:9',
      authUrl: 'http://127.0.0.1:9',
    },
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const owner = await new HttpVisitor(baseUrl, '10.0.0.1').open();
    await owner.post('/api/auth/signup', { name: 'Member', ...member, workspaceName: 'Bench' });
    const visitor = await new HttpVisitor(baseUrl, '10.0.0.2').open();
    const logIn = async () => {
      const started = performance.now();
      const answer = await visitor.post('/api/auth/login', member);
      if (answer.status !== 200) throw new Error(`a log-in answered ${answer.status}`);
      return performance.now() - started;
    };
    for (let warmUp = 0; warmUp < 3; warmUp += 1) await logIn();

    const idle: number[] = [];
    const flood: number[] = [];
    const signUps: Record<number, number> = {};
    let floodMilliseconds = 0;
    for (let round = 1; round <= rounds; round += 1) {
      for (let sample = 0; sample < idleSamplesPerRound; sample += 1) idle.push(await logIn());
      clock.advance(60 * 60);
      const visitors = await Promise.all(
        Array.from({ length: floodSize }, (_, index) =>
          new HttpVisitor(baseUrl, `10.${round}.0.${index + 1}`).open(),
        ),
      );
      const started = performance.now();
      let settled = false;
      const answers = Promise.all(
        visitors.map((flooder, index) =>
          flooder.post('/api/auth/signup', {
            name: 'Flood',
            email: `flood-${round}-${index}@example.com`,
            password: 'a flood of sign-ups',
            workspaceName: 'Flood',
          }),
        ),
      ).finally(() => (settled = true));
      do flood.push(await logIn());
      while (!settled);
      for (const answer of await answers) signUps[answer.status] = (signUps[answer.status] ?? 0) + 1;
      floodMilliseconds += performance.now() - started;
    }
    const measurement = { idle, flood, signUps, floodSeconds: floodMilliseconds / 1000 / rounds };
    console.log(
      `${label.padEnd(12)} log-in idle p50 ${rounded(percentile(idle, 50))} ms, p95 ${rounded(percentile(idle, 95))} ms; ` +
        `during the flood p50 ${rounded(percentile(flood, 50))} ms, p95 ${rounded(percentile(flood, 95))} ms ` +
        `(${flood.length} log-ins); a flood lasted ${rounded(measurement.floodSeconds, 1)} s; sign-ups answered ${JSON.stringify(signUps)}`,
    );
    return measurement;
  } finally {
    await whathead.close();
  }
}

export const benchmark: Benchmark = {
  description: `log-in latency idle and during ${floodSize} concurrent sign-ups, with and without the protections`,
  async run(): Promise<Figures> {
    const hashTimes: number[] = [];
    for (let sample = 0; sample < 3; sample += 1) {
      const started = performance.now();
      await hashPassword('one standard hash', standardCost);
      hashTimes.push(performance.now() - started);
    }
    console.log(
      `${engine}, scrypt N=2^15 r=8 p=3 (${rounded(percentile(hashTimes, 50))} ms a hash), ${availableParallelism()} cores, ` +
        `${rounds} floods of ${floodSize} sign-ups from ${floodSize} addresses`,
    );
    const guarded = await measure('protected', undefined);
    const open = await measure('unprotected', unprotected);
    const p95 = (samples: number[]) => rounded(percentile(samples, 95));
    return {
      engine,
      cores: availableParallelism(),
      hashMs: rounded(percentile(hashTimes, 50)),
      loginP50IdleMs: rounded(percentile(guarded.idle, 50)),
      loginP95IdleMs: p95(guarded.idle),
      loginP50FloodMs: rounded(percentile(guarded.flood, 50)),
      loginP95FloodMs: p95(guarded.flood),
      loginP95FloodOverIdle: rounded(percentile(guarded.flood, 95) / percentile(guarded.idle, 95), 2),
      floodLogIns: guarded.flood.length,
      signUpsCreated: guarded.signUps[201] ?? 0,
      signUpsThrottled: guarded.signUps[429] ?? 0,
      signUpsBusy: guarded.signUps[503] ?? 0,
      unprotectedLoginP95IdleMs: p95(open.idle),
      unprotectedLoginP95FloodMs: p95(open.flood),
      unprotectedLoginP95FloodOverIdle: rounded(percentile(open.flood, 95) / percentile(open.idle, 95), 2),
      unprotectedSignUpsCreated: open.signUps[201] ?? 0,
      floodP95UnprotectedOverProtected: rounded(
        percentile(open.flood, 95) / percentile(guarded.flood, 95),
        2,
      ),
    };
  },
};
