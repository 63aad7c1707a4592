import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import type { CreateInvitationResponse } from '@whathead/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { loggerOptions } from '../../apps/server/src/lib/logger.js';
import { testCost } from '../../apps/server/src/lib/password.js';
import type { TikTokSettings } from '../../apps/server/src/lib/tiktok-settings.js';
import { startWhathead, type RunningWhathead } from '../../apps/server/src/server.js';
import { TestBrowser } from '../../apps/server/src/testing/test-app.js';
import { deliverCallback, startConnect } from '../../apps/server/src/testing/tiktok-flow.js';
import { scenario } from '../../apps/server/src/testing/tiktok-test-kit.js';
import { freePort } from './postgres-cluster.js';
import { bundleServer, serverNodeFlags } from './server-bundle.js';

/**
 * The secrets every start of one benchmark's app shares, so sessions outlive a restart and a worker
 * process of the same run opens the TikTok tokens the web process sealed.
 */
export const secrets = {
  SESSION_SECRET: 'bench-session-secret-that-is-long-enough-0123456789',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
};

/** Asks /readyz until it answers 200; a refused connection means the process is not listening yet. */
async function waitUntilReady(baseUrl: string, timeoutMilliseconds = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMilliseconds;
  while (performance.now() < deadline) {
    const status = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${baseUrl}/readyz did not answer 200 within ${timeoutMilliseconds / 1000} s`);
}

/** The app in this process, started and stopped at will on one database. */
export interface BenchApp {
  readonly baseUrl: string;
  readonly whathead: RunningWhathead;
  /** Starts the app; answers the milliseconds from the `startWhathead` call to /readyz answering 200. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The real app (`startWhathead`) in this process as a `web` process: no job is worked, so only
 * requests use the CPU. Requests are logged as in production, into a sink: logging is part of
 * the cost.
 */
export async function benchApp(
  environment: Record<string, string>,
  tiktok: TikTokSettings,
): Promise<BenchApp> {
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    WHATHEAD_ROLE: 'web',
    ...secrets,
    ...environment,
  });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const logger = pino(loggerOptions('info'), sink) as FastifyBaseLogger;
  const baseUrl = `http://127.0.0.1:${port}`;
  let running: RunningWhathead | undefined;
  return {
    baseUrl,
    get whathead() {
      if (!running) throw new Error('The app is not running.');
      return running;
    },
    async start() {
      const started = performance.now();
      // Sign-ups seed the workspace: the cost of a password hash is auth-flood's subject, not this one's.
      running = await startWhathead(config, {
        logger,
        tiktok,
        passwordCost: testCost,
        webRoot: '/nonexistent',
      });
      await waitUntilReady(baseUrl);
      return performance.now() - started;
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
  };
}

/**
 * Starts Whathead as a new process, as `npm start` runs it in production (every role, TikTok at
 * `tiktok`), on the database `environment` names; answers the milliseconds from the spawn to
 * /readyz answering 200, then stops it.
 */
export async function processStartToReady(
  environment: Record<string, string>,
  tiktok: TikTokSettings,
): Promise<number> {
  const port = await freePort();
  const compiled = await bundleServer();
  const started = performance.now();
  const child = spawn(process.execPath, [...serverNodeFlags, compiled], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...secrets,
      TIKTOK_APP_ID: tiktok.appId,
      TIKTOK_APP_SECRET: tiktok.secret,
      TIKTOK_API_BASE_URL: tiktok.apiBaseUrl,
      TIKTOK_AUTH_URL: tiktok.authUrl,
      ...environment,
    },
    stdio: 'ignore',
  });
  const exited = once(child, 'exit');
  try {
    await Promise.race([
      waitUntilReady(`http://127.0.0.1:${port}`),
      exited.then(([code]) => Promise.reject(new Error(`Whathead exited with ${code} before it was ready`))),
    ]);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * A workspace as a page load meets it, made through the API as a browser would: its owner, four
 * members who accepted invitations, two invitations still open, and two TikTok connections
 * (Northwind Retail with four ad accounts, Bluebird Agency with two). Answers the cookies of
 * `browsers` sessions of its five members (each logged in as many times as it takes), for the
 * load to spread over as many browsers would.
 */
export async function seedWorkspace(
  whathead: RunningWhathead,
  issueAuthorizationCode: (grant: { email: string; bcId: string }) => string,
  browsers = 1,
): Promise<{ cookies: string[]; workspaceId: string }> {
  const app = whathead.app!;
  const owner = new TestBrowser(app);
  const session = await owner.signUp({ email: 'owner@example.com', workspaceName: 'Bench Workspace' });
  const workspaceId = session.activeWorkspaceId!;
  const invite = async (email: string) => {
    const created = await owner.post<CreateInvitationResponse>(`/api/workspaces/${workspaceId}/invitations`, {
      email,
      role: 'member',
    });
    if (created.status !== 201) throw new Error(`invitation: ${created.status} ${created.text}`);
    return created.body.link.split('/').pop()!;
  };
  for (let index = 1; index <= 4; index += 1) {
    const email = `member-${index}@example.com`;
    const token = await invite(email);
    const member = new TestBrowser(app);
    await member.signUp({ email, name: `Member ${index}` });
    const accepted = await member.post(`/api/invitations/${token}/accept`);
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  }
  for (let index = 1; index <= 2; index += 1) await invite(`invitee-${index}@example.com`);
  for (const bcId of [scenario.northwind, scenario.bluebird]) {
    const { state } = await startConnect(owner, workspaceId);
    await deliverCallback(owner, state, issueAuthorizationCode({ email: scenario.alex, bcId }), {
      workspaceId,
      groupKey: bcId,
    });
  }
  const cookieOf = (browser: TestBrowser) =>
    [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const cookies = [cookieOf(owner)];
  const emails = ['owner@example.com', ...[1, 2, 3, 4].map((index) => `member-${index}@example.com`)];
  while (cookies.length < browsers) {
    const browser = new TestBrowser(app);
    await browser.get('/api/session');
    const loggedIn = await browser.post('/api/auth/login', {
      email: emails[cookies.length % emails.length],
      password: 'correct horse battery staple',
    });
    if (loggedIn.status !== 200) throw new Error(`log-in: ${loggedIn.status} ${loggedIn.text}`);
    cookies.push(cookieOf(browser));
  }
  return { cookies, workspaceId };
}
