import { Writable } from 'node:stream';
import { csrfHeaderName, type SessionResponse } from '@whathead/contracts';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { loggerOptions } from '../lib/logger.js';
import { testCost } from '../lib/password.js';
import type { TikTokSettings } from '../lib/tiktok-settings.js';
import { startWhathead, type RunningWhathead } from '../server.js';

/** A clock a test can move forward. */
export class TestClock {
  #now: number;
  constructor(start = Date.parse('2026-11-25T12:00:00Z')) {
    this.#now = start;
  }
  now = (): Date => new Date(this.#now);
  advance(seconds: number): void {
    this.#now += seconds * 1000;
  }
}

/**
 * What every test process is configured with: fixed secrets, so that processes a test starts on
 * one database read each other's sessions and TikTok tokens, and no data dir.
 */
export const testEnvironment: Record<string, string> = {
  NODE_ENV: 'test',
  SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  WHATHEAD_DATA_DIR: '/nonexistent-test-data-dir',
};

export interface TestApp {
  app: FastifyInstance;
  whathead: RunningWhathead;
  database: TestDatabase;
  clock: TestClock;
  config: Config;
  /** Every log line the app wrote, for tests that scan logs for secrets. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The whole app in-process on its own fresh database (PostgreSQL when the test run has one, else
 * PGlite), with a movable clock and logs captured in memory at debug level.
 */
export async function createTestApp(
  environment: Record<string, string> = {},
  options: {
    database?: TestDatabase;
    tiktok?: TikTokSettings;
    /** Listen on PORT (and METRICS_PORT) for real, for tests of sockets, not only of `inject`. */
    listen?: boolean;
  } = {},
): Promise<TestApp> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase({ migrated: false }));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const config = loadConfig({ ...testEnvironment, LOG_LEVEL: 'debug', ...environment });
  const logger = pino(loggerOptions('debug'), sink) as FastifyBaseLogger;
  const clock = new TestClock();
  const whathead = await startWhathead(config, {
    logger,
    clock,
    passwordCost: testCost,
    database,
    listen: options.listen ?? false,
    // Tests that need TikTok start their own emulator in-process and pass its settings.
    tiktok: options.tiktok ?? {
      mode: 'emulator',
      appId: 'none',
      secret: 'none',
      apiBaseUrl: 'http://127.0.0.1:9/none',
      authUrl: 'http://127.0.0.1:9/none',
    },
    webRoot: environment.WEB_ROOT ?? '/nonexistent-web-root',
    // pg-boss's floor: a job a test queues starts within half a second, not the default two.
    jobPollingIntervalSeconds: 0.5,
  });
  return {
    app: whathead.app!,
    whathead,
    database,
    clock,
    config,
    logs,
    async close() {
      await whathead.close();
      if (ownsDatabase) await database.close();
    },
  };
}

export interface BrowserResponse<Body = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Body;
  text: string;
}

/**
 * A minimal browser over `inject`: keeps cookies, and sends the CSRF token the last session
 * response gave it, as the web app does.
 */
export class TestBrowser {
  readonly #app: FastifyInstance;
  readonly cookies = new Map<string, string>();
  /** Every cookie value the server ever set, for tests that scan logs and bodies for secrets. */
  readonly cookieHistory = new Set<string>();
  csrfToken = '';

  constructor(app: FastifyInstance) {
    this.#app = app;
  }

  async request<Body = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<BrowserResponse<Body>> {
    const raw = body instanceof RawBody ? body : undefined;
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.#app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method === 'GET' ? {} : { [csrfHeaderName]: this.csrfToken }),
        ...(body === undefined ? {} : { 'content-type': raw?.contentType ?? 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: raw ? raw.payload : JSON.stringify(body) }),
    });
    for (const set of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const cleared =
        set.value === '' || set.maxAge === 0 || (set.expires && set.expires.getTime() <= Date.now());
      if (cleared) this.cookies.delete(set.name);
      else {
        this.cookies.set(set.name, set.value);
        this.cookieHistory.add(set.value);
      }
    }
    const text = response.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: tests read `text`.
    }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed)
      this.csrfToken = String(parsed.csrfToken);
    return { status: response.statusCode, headers: response.headers, body: parsed as Body, text };
  }

  get = <Body = unknown>(url: string) => this.request<Body>('GET', url);
  /** Sends one file as a browser's form does: multipart/form-data, in a part named `field`. */
  postFile = <Body = unknown>(url: string, file: { name: string; bytes: Uint8Array; field?: string }) =>
    this.request<Body>('POST', url, multipartBody(file.field ?? 'file', file.name, file.bytes));
  post = <Body = unknown>(url: string, body: unknown = {}) => this.request<Body>('POST', url, body);
  put = <Body = unknown>(url: string, body: unknown = {}) => this.request<Body>('PUT', url, body);
  delete = <Body = unknown>(url: string) => this.request<Body>('DELETE', url, {});

  /** Opens the app (fetching the session and CSRF token) and signs up a new user with a workspace. */
  async signUp(user: { name?: string; email: string; password?: string; workspaceName?: string }) {
    await this.get('/api/session');
    const response = await this.post<SessionResponse>('/api/auth/signup', {
      name: user.name ?? 'Test User',
      email: user.email,
      password: user.password ?? 'correct horse battery staple',
      workspaceName: user.workspaceName ?? 'Test Workspace',
    });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
    return response.body;
  }
}

/** Logs in from a browser of its own, as a second device or a stranger would. */
export async function logInAsNewBrowser<Body = unknown>(
  test: TestApp,
  email: string,
  password = 'correct horse battery staple',
): Promise<{ browser: TestBrowser; response: BrowserResponse<Body> }> {
  const browser = new TestBrowser(test.app);
  await browser.get('/api/session');
  const response = await browser.post<Body>('/api/auth/login', { email, password });
  return { browser, response };
}

/** A request body sent as it is, with its own content type. */
export class RawBody {
  constructor(
    readonly payload: Buffer,
    readonly contentType: string,
  ) {}
}

export function multipartBody(field: string, fileName: string, bytes: Uint8Array): RawBody {
  const boundary = `----whathead-test-${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return new RawBody(
    Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    `multipart/form-data; boundary=${boundary}`,
  );
}
