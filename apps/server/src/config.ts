import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Whathead reads, with its default, an example and how to fix a bad
 * value. The README's configuration table lists exactly these (a test keeps the two in step).
 */
export const variables = {
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']),
    default: 'development',
    description:
      'Run mode. `production` requires SESSION_SECRET, TOKEN_ENCRYPTION_KEY, TIKTOK_APP_ID and TIKTOK_APP_SECRET to be set: the built-in TikTok emulator never runs in production.',
    fix: 'use development, production or test',
  },
  PORT: {
    schema: z.coerce.number().int().min(1).max(65535),
    default: '3000',
    description: 'Port the web server listens on.',
    fix: 'use a whole number from 1 to 65535, such as 3000',
  },
  HOST: {
    schema: z.string().min(1),
    default: 'localhost',
    description: 'Interface to listen on; `0.0.0.0` to accept connections from other machines.',
    fix: 'use a host name or address such as localhost or 0.0.0.0',
  },
  PUBLIC_URL: {
    schema: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, '')),
    default: undefined,
    description:
      'The address users open, without a trailing path (default `http://localhost:$PORT`). Cookies are `Secure` when it is https; the TikTok redirect URI is built from it.',
    fix: 'use an absolute http(s) URL such as https://ads.example.com',
  },
  DATABASE_URL: {
    schema: z.url({ protocol: /^postgres(ql)?$/ }),
    default: undefined,
    description:
      'PostgreSQL connection string. When unset, Whathead runs on an embedded PGlite database in WHATHEAD_DATA_DIR.',
    fix: 'use a postgres:// URL such as postgres://user:password@localhost:5432/whathead, or unset it to use the embedded database',
  },
  TRUST_PROXY: {
    schema: z
      .string()
      .trim()
      .refine(
        (value) => value !== 'true',
        'would believe every X-Forwarded-For hop, and any client can write those, so each could pick its own address',
      )
      .transform((value) => (value === 'false' ? false : value.split(',').map((entry) => entry.trim())))
      .pipe(
        z.union([
          z.literal(false),
          z.array(
            z
              .string()
              .regex(
                /^([0-9a-fA-F:.]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/,
                'must list IP addresses, CIDR ranges, loopback, linklocal or uniquelocal',
              ),
          ),
        ]),
      ),
    default: 'false',
    description:
      "The proxies in front of Whathead whose `X-Forwarded-For` is believed: `false`, or their addresses/CIDRs such as `10.0.0.0/8` (`loopback`, `linklocal` and `uniquelocal` name those ranges). Set it behind a load balancer, or every user shares the balancer's address for log-in throttling. `true` is refused: any client can write an `X-Forwarded-For` hop.",
    fix: 'use false, or the addresses/CIDR ranges of your proxies separated by commas, such as 10.0.0.0/8,127.0.0.1',
  },
  WHATHEAD_DATA_DIR: {
    schema: z.string().min(1),
    default: './.whathead',
    description: 'Folder for the embedded database and for secrets generated on a first development start.',
    fix: 'use a folder path this process can write to',
  },
  MEDIA_DIR: {
    schema: z.string().min(1),
    default: undefined,
    description:
      'Folder for uploaded creatives, held by content until TikTok has them (default: `media` in WHATHEAD_DATA_DIR). Several Whathead machines must share it (a shared volume).',
    fix: 'use a folder path every Whathead process can read and write',
  },
  MEDIA_RETENTION_DAYS: {
    schema: z.coerce.number().int().min(1).max(3650),
    default: '30',
    description:
      'Days an uploaded original is kept after its last use: TikTok keeps its own copy, and Whathead uploads from this one to further ad accounts.',
    fix: 'use a whole number of days from 1 to 3650',
  },
  PUBLISH_LEASE_SECONDS: {
    schema: z.coerce.number().int().min(5).max(3600),
    default: '30',
    description:
      'Seconds a publish stays with a Whathead process that stopped without finishing it; then another process takes it over and reconciles with TikTok before sending anything again.',
    fix: 'use a whole number of seconds from 5 to 3600',
  },
  WHATHEAD_ROLE: {
    schema: z.enum(['all', 'web', 'worker']),
    default: 'all',
    description: 'What this process runs: `web` (HTTP only), `worker` (background jobs only) or `all`.',
    fix: 'use all, web or worker',
  },
  SESSION_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters'),
    default: undefined,
    description:
      'Key for hashing session and CSRF tokens. Generated into the data dir when unset outside production.',
    fix: 'use at least 32 random characters, e.g. the output of `openssl rand -base64 48`',
  },
  TOKEN_ENCRYPTION_KEY: {
    schema: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),
    default: undefined,
    description:
      'AES-256 key (base64 of 32 bytes) that encrypts TikTok tokens at rest. Generated into the data dir when unset outside production.',
    fix: 'use 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`',
  },
  TOKEN_ENCRYPTION_PREVIOUS_KEYS: {
    schema: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .refine(
        (keys) => keys.every((key) => Buffer.from(key, 'base64').length === 32),
        'every key must be 32 bytes, base64-encoded',
      ),
    default: undefined,
    description:
      'Former TOKEN_ENCRYPTION_KEY values, comma-separated, still accepted for decrypting while stored tokens are re-encrypted with the current key.',
    fix: 'list the previous keys separated by commas, each 32 random bytes in base64',
  },
  SMTP_URL: {
    schema: z.url({ protocol: /^smtps?$/ }),
    default: undefined,
    description:
      'SMTP server for outgoing mail (password reset links), such as `smtps://user:password@smtp.example.com:465` (`smtp://` upgrades with STARTTLS when offered). When unset, mail is not sent: it is written to the server log at info level, reset link included.',
    fix: 'use an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.com:465, or unset it to write mail to the log',
  },
  SMTP_FROM: {
    schema: z
      .string()
      .trim()
      .regex(/^[^\r\n]*@[^\r\n]+$/, 'must be an address such as Whathead <no-reply@example.com>'),
    default: undefined,
    description:
      'Sender of outgoing mail (default `Whathead <no-reply@…>` at the host of `PUBLIC_URL`). Use an address your SMTP server may send from.',
    fix: 'use an address such as Whathead <no-reply@example.com>',
  },
  METRICS_TOKEN: {
    schema: z
      .string()
      .min(32, 'must be at least 32 characters')
      .regex(
        /^[\x21-\x7e]+$/,
        'must be printable ASCII without spaces, as an Authorization header carries it',
      ),
    default: undefined,
    description:
      'Bearer token for `GET /metrics` (Prometheus). /metrics on PORT needs it: while it is unset, PORT refuses every scrape, from this machine too. METRICS_PORT serves this machine without it.',
    fix: 'use at least 32 random characters, e.g. the output of `openssl rand -base64 32`',
  },
  METRICS_PORT: {
    schema: z.coerce.number().int().min(1).max(65535),
    default: undefined,
    description:
      'Port of a second listener, on HOST, that serves only `/healthz`, `/readyz` and `/metrics`, whatever the role: how a `worker`, which serves no other HTTP, is scraped and health-checked. Without METRICS_TOKEN its /metrics serves this machine only (never a request a proxy forwarded), so keep it off your proxy. When unset, a worker listens on no port.',
    fix: 'use a whole number from 1 to 65535 other than PORT, such as 9464, or unset it',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    description: 'Least severe log level written.',
    fix: 'use fatal, error, warn, info, debug, trace or silent',
  },
  LOG_FORMAT: {
    schema: z.enum(['auto', 'json', 'text']),
    default: 'auto',
    description:
      'How log lines are written: `text` as readable lines, `json` as one JSON object a line for log collectors; `auto` writes text to a terminal and JSON otherwise, and always JSON when NODE_ENV=production.',
    fix: 'use auto, json or text',
  },
  TIKTOK_APP_ID: {
    schema: z.string().regex(/^\d+$/, 'must be the numeric app id TikTok shows'),
    default: undefined,
    description:
      'Your TikTok for Business developer app id. When unset, Whathead talks to its built-in TikTok emulator.',
    fix: 'copy the App ID from your app in the TikTok for Business developer portal',
  },
  TIKTOK_APP_SECRET: {
    schema: z.string().min(8),
    default: undefined,
    description: 'The secret of that TikTok app. Required with TIKTOK_APP_ID.',
    fix: 'copy the Secret from your app in the TikTok for Business developer portal',
  },
  TIKTOK_API_BASE_URL: {
    schema: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, '')),
    default: 'https://business-api.tiktok.com/open_api/v1.3',
    description:
      'TikTok Marketing API base, including the version path. The sandbox is `https://sandbox-ads.tiktok.com/open_api/v1.3`.',
    fix: 'use an absolute URL ending in /open_api/v1.3',
  },
  TIKTOK_AUTH_URL: {
    schema: z.url({ protocol: /^https?$/ }),
    default: 'https://business-api.tiktok.com/portal/auth',
    description: 'TikTok’s advertiser authorization page.',
    fix: 'use an absolute URL such as https://business-api.tiktok.com/portal/auth',
  },
  TIKTOK_RATE_LIMITS: {
    schema: z.union([
      z.enum(['basic', 'advanced', 'premium', 'ultimate']),
      z
        .string()
        .regex(/^\d+\/\d+\/\d+$/)
        .transform((value) => {
          const [perSecond, perMinute, perDay] = value.split('/').map(Number) as [number, number, number];
          return { perSecond, perMinute, perDay };
        })
        .refine((limits) => limits.perSecond > 0 && limits.perMinute > 0 && limits.perDay > 0),
    ]),
    default: 'basic',
    description:
      'Your TikTok app’s rate-limit tier, shared by every Whathead process: `basic` (10 calls a second, 600 a minute, 864,000 a day), `advanced`, `premium`, `ultimate`, or your own `second/minute/day`, e.g. `20/1200/1728000`.',
    fix: 'use basic, advanced, premium or ultimate, or three whole numbers above 0 such as 20/1200/1728000',
  },
  TIKTOK_EMULATOR_PORT: {
    schema: z.coerce.number().int().min(1).max(65535),
    default: '4010',
    description: 'Port of the built-in TikTok emulator, used when TIKTOK_APP_ID is unset.',
    fix: 'use a whole number from 1 to 65535, such as 4010',
  },
} satisfies Record<
  string,
  { schema: z.ZodType; default: string | undefined; description: string; fix: string }
>;

/**
 * The last line of defence against a runaway statement on PostgreSQL: cancelled past this, and
 * answered as busy. The heaviest legit read (a year's ad breakdown of 12,000 ads) takes 0.2–1 s.
 */
const statementTimeoutSeconds = 30;

type VariableName = keyof typeof variables;
type Parsed = { [Name in VariableName]: z.output<(typeof variables)[Name]['schema']> | undefined };

export interface Config {
  environment: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** Cookies carry `Secure` when users reach Whathead over https. */
  secureCookies: boolean;
  dataDirectory: string;
  /** Uploaded originals, by content (shared by every process). */
  media: { directory: string; retentionDays: number };
  publishLeaseSeconds: number;
  database:
    | { engine: 'postgres'; url: string; statementTimeoutSeconds: number }
    | { engine: 'pglite'; dataDirectory: string };
  role: 'all' | 'web' | 'worker';
  trustProxy: false | string[];
  sessionSecret: string | undefined;
  tokenEncryptionKey: string | undefined;
  /** Keys that only decrypt, during a rotation. */
  tokenEncryptionPreviousKeys: string[];
  /** Where mail goes: an SMTP server, or the log when none is set. */
  mail: { smtpUrl: string | undefined; from: string };
  /** The bearer token /metrics asks for; undefined: refused on PORT, loopback only on METRICS_PORT. */
  metricsToken: string | undefined;
  /** Where /healthz, /readyz and /metrics are served apart from the app; undefined: nowhere else. */
  metricsPort: number | undefined;
  logLevel: string;
  logFormat: 'auto' | 'json' | 'text';
  tiktok: {
    /** `emulator` when no TikTok app is configured: the built-in emulator stands in for TikTok. */
    mode: 'tiktok' | 'emulator';
    appId: string | undefined;
    appSecret: string | undefined;
    apiBaseUrl: string;
    authUrl: string;
    emulatorPort: number;
    /** The app's tier (reference §8), or its limits per second, minute and UTC day. */
    rateLimits:
      | 'basic'
      | 'advanced'
      | 'premium'
      | 'ultimate'
      | { perSecond: number; perMinute: number; perDay: number };
  };
}

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    const count = problems.length === 1 ? '1 setting needs' : `${problems.length} settings need`;
    super(
      `Whathead cannot start: ${count} fixing.\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const shown = (name: string, value: string): string =>
  name.includes('SECRET') ||
  name.includes('KEY') ||
  name.includes('TOKEN') ||
  name === 'DATABASE_URL' ||
  name === 'SMTP_URL'
    ? '(value hidden)'
    : JSON.stringify(value);

/**
 * METRICS_PORT against the other ports this process listens on: a clash would otherwise surface
 * as EADDRINUSE half-way through start-up. A worker does not listen on PORT, so there they may match.
 */
function portClashes(values: Parsed, environment: Record<string, string | undefined>): string[] {
  const metricsPort = values.METRICS_PORT;
  if (metricsPort === undefined) return [];
  const problems: string[] = [];
  if (
    values.WHATHEAD_ROLE !== undefined &&
    values.WHATHEAD_ROLE !== 'worker' &&
    metricsPort === values.PORT
  ) {
    problems.push(
      `METRICS_PORT=${metricsPort} is also PORT, and a ${values.WHATHEAD_ROLE} process listens on both. ` +
        'Fix: give METRICS_PORT a port of its own, such as 9464, or unset it and scrape /metrics on PORT with METRICS_TOKEN.',
    );
  }
  // Without a TikTok app, every process starts (or shares) the emulator on TIKTOK_EMULATOR_PORT.
  if (!environment.TIKTOK_APP_ID && metricsPort === values.TIKTOK_EMULATOR_PORT) {
    problems.push(
      `METRICS_PORT=${metricsPort} is also TIKTOK_EMULATOR_PORT, where the built-in TikTok emulator listens. ` +
        'Fix: give METRICS_PORT a port of its own, such as 9464.',
    );
  }
  return problems;
}

/** Reads and checks every variable at once, so a bad start-up lists all problems, not the first. */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const parsed = {} as Record<VariableName, unknown>;
  for (const [name, variable] of Object.entries(variables) as [
    VariableName,
    (typeof variables)[VariableName],
  ][]) {
    const raw = environment[name] === '' ? undefined : environment[name];
    const value = raw ?? variable.default;
    if (value === undefined) continue;
    const result = variable.schema.safeParse(value);
    if (result.success) parsed[name] = result.data;
    else {
      const reason = result.error.issues[0]?.message ?? 'is not valid';
      problems.push(`${name}=${shown(name, value)}: ${reason}. Fix: ${variable.fix}.`);
    }
  }
  const values = parsed as Parsed;

  if (values.TIKTOK_APP_ID !== undefined && !environment.TIKTOK_APP_SECRET) {
    problems.push(
      'TIKTOK_APP_SECRET is missing. Fix: set it together with TIKTOK_APP_ID, or unset both to use the emulator.',
    );
  }
  if (values.TIKTOK_APP_SECRET !== undefined && !environment.TIKTOK_APP_ID) {
    problems.push(
      'TIKTOK_APP_ID is missing. Fix: set it together with TIKTOK_APP_SECRET, or unset both to use the emulator.',
    );
  }
  if (values.NODE_ENV === 'production') {
    // The emulator's app secret is public (it is in this repository): in production it would let
    // anyone who reaches the emulator mint tokens, and users would "connect" a TikTok that is not.
    for (const name of [
      'SESSION_SECRET',
      'TOKEN_ENCRYPTION_KEY',
      'TIKTOK_APP_ID',
      'TIKTOK_APP_SECRET',
    ] as const) {
      if (environment[name] === undefined || environment[name] === '') {
        problems.push(`${name} is required when NODE_ENV=production. Fix: ${variables[name].fix}.`);
      }
    }
  }
  problems.push(...portClashes(values, environment));
  if (problems.length > 0) throw new ConfigError(problems);

  const port = values.PORT!;
  const publicUrl = values.PUBLIC_URL ?? `http://localhost:${port}`;
  const dataDirectory = path.resolve(values.WHATHEAD_DATA_DIR!);
  return {
    environment: values.NODE_ENV!,
    port,
    host: values.HOST!,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    dataDirectory,
    media: {
      directory: path.resolve(values.MEDIA_DIR ?? path.join(dataDirectory, 'media')),
      retentionDays: values.MEDIA_RETENTION_DAYS!,
    },
    publishLeaseSeconds: values.PUBLISH_LEASE_SECONDS!,
    database: values.DATABASE_URL
      ? { engine: 'postgres', url: values.DATABASE_URL, statementTimeoutSeconds }
      : { engine: 'pglite', dataDirectory: path.join(dataDirectory, 'database') },
    role: values.WHATHEAD_ROLE!,
    trustProxy: values.TRUST_PROXY!,
    sessionSecret: values.SESSION_SECRET,
    tokenEncryptionKey: values.TOKEN_ENCRYPTION_KEY,
    tokenEncryptionPreviousKeys: values.TOKEN_ENCRYPTION_PREVIOUS_KEYS ?? [],
    mail: {
      smtpUrl: values.SMTP_URL,
      from: values.SMTP_FROM ?? `Whathead <no-reply@${new URL(publicUrl).hostname}>`,
    },
    metricsToken: values.METRICS_TOKEN,
    metricsPort: values.METRICS_PORT,
    logLevel: values.LOG_LEVEL!,
    logFormat: values.LOG_FORMAT!,
    tiktok: {
      mode: values.TIKTOK_APP_ID ? 'tiktok' : 'emulator',
      appId: values.TIKTOK_APP_ID,
      appSecret: values.TIKTOK_APP_SECRET,
      apiBaseUrl: values.TIKTOK_API_BASE_URL!,
      authUrl: values.TIKTOK_AUTH_URL!,
      emulatorPort: values.TIKTOK_EMULATOR_PORT!,
      rateLimits: values.TIKTOK_RATE_LIMITS!,
    },
  };
}
