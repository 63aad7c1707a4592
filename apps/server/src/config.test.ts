import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, variables } from './config.js';

const problemsOf = (environment: Record<string, string>): string[] => {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  it('runs with nothing set: port 3000, embedded database, TikTok emulator', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.database.engine, 'pglite');
    assert.equal(config.tiktok.mode, 'emulator');
    assert.equal(config.tiktok.apiBaseUrl, 'https://business-api.tiktok.com/open_api/v1.3');
    assert.equal(config.role, 'all');
    assert.equal(config.secureCookies, false);
  });

  it('names every bad variable at once, with how to fix it, and hides secret values', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://user:hunter2@db/x',
      WHATHEAD_ROLE: 'janitor',
      TOKEN_ENCRYPTION_KEY: 'short',
      PUBLIC_URL: 'ftp://example.com',
    });
    assert.equal(problems.length, 5);
    for (const name of ['PORT', 'DATABASE_URL', 'WHATHEAD_ROLE', 'TOKEN_ENCRYPTION_KEY', 'PUBLIC_URL']) {
      const problem = problems.find((line) => line.startsWith(`${name}=`));
      assert.ok(problem, `${name} is reported`);
      assert.match(problem, /Fix: /);
    }
    assert.ok(!problems.join('\n').includes('hunter2'), 'a database password is never echoed');
    assert.ok(!problems.join('\n').includes('"short"'), 'a key is never echoed');
  });

  it('requires real secrets in production and both TikTok credentials together', () => {
    const problems = problemsOf({ NODE_ENV: 'production', TIKTOK_APP_ID: '7000000000000000001' });
    assert.ok(problems.some((line) => line.startsWith('SESSION_SECRET is required')));
    assert.ok(problems.some((line) => line.startsWith('TOKEN_ENCRYPTION_KEY is required')));
    assert.ok(problems.some((line) => line.startsWith('TIKTOK_APP_SECRET is missing')));
    const withoutTikTok = problemsOf({ NODE_ENV: 'production' });
    assert.ok(
      withoutTikTok.some((line) => line.startsWith('TIKTOK_APP_ID is required when NODE_ENV=production')),
    );
    assert.ok(
      withoutTikTok.some((line) => line.startsWith('TIKTOK_APP_SECRET is required when NODE_ENV=production')),
    );
  });

  it('uses real TikTok when an app is configured, and https cookies behind an https address', () => {
    const config = loadConfig({
      TIKTOK_APP_ID: '7000000000000000001',
      TIKTOK_APP_SECRET: 'app-secret-value',
      TIKTOK_API_BASE_URL: 'https://sandbox-ads.tiktok.com/open_api/v1.3/',
      PUBLIC_URL: 'https://ads.example.com/',
      DATABASE_URL: 'postgres://whathead@db:5432/whathead',
    });
    assert.equal(config.tiktok.mode, 'tiktok');
    assert.equal(config.tiktok.apiBaseUrl, 'https://sandbox-ads.tiktok.com/open_api/v1.3');
    assert.equal(config.publicUrl, 'https://ads.example.com');
    assert.equal(config.secureCookies, true);
    assert.deepEqual(config.database, {
      engine: 'postgres',
      url: 'postgres://whathead@db:5432/whathead',
      statementTimeoutSeconds: 30,
    });
  });

  it('takes the TikTok app’s rate-limit tier by name or as its own limits', () => {
    assert.equal(loadConfig({}).tiktok.rateLimits, 'basic');
    assert.equal(loadConfig({ TIKTOK_RATE_LIMITS: 'advanced' }).tiktok.rateLimits, 'advanced');
    assert.deepEqual(loadConfig({ TIKTOK_RATE_LIMITS: '20/1200/1728000' }).tiktok.rateLimits, {
      perSecond: 20,
      perMinute: 1200,
      perDay: 1_728_000,
    });
    for (const bad of ['fast', '0/600/864000', '10/600', '10 / 600 / 1'])
      assert.match(problemsOf({ TIKTOK_RATE_LIMITS: bad }).join('\n'), /TIKTOK_RATE_LIMITS/, bad);
  });

  it('takes a METRICS_TOKEN of at least 32 characters, and never echoes a bad one', () => {
    assert.equal(
      loadConfig({}).metricsToken,
      undefined,
      'unset: refused on PORT, this machine only on METRICS_PORT',
    );
    const token = 'k'.repeat(32);
    assert.equal(loadConfig({ METRICS_TOKEN: token }).metricsToken, token);
    for (const bad of ['short-token', `${'k'.repeat(32)} space`]) {
      const problems = problemsOf({ METRICS_TOKEN: bad });
      assert.equal(problems.length, 1, bad);
      assert.match(problems[0]!, /^METRICS_TOKEN=\(value hidden\): .*Fix: use at least 32 random characters/);
    }
  });

  it('takes a METRICS_PORT of its own, told apart from the other ports the process listens on', () => {
    assert.equal(loadConfig({}).metricsPort, undefined, 'unset: a worker listens on no port');
    assert.equal(loadConfig({ METRICS_PORT: '9464' }).metricsPort, 9464);
    for (const bad of ['0', '65536', '94.5', 'prometheus']) {
      const problems = problemsOf({ METRICS_PORT: bad });
      assert.equal(problems.length, 1, bad);
      assert.match(problems[0]!, /^METRICS_PORT=".*": .*Fix: use a whole number from 1 to 65535/, bad);
    }
    for (const role of ['web', 'all']) {
      const problems = problemsOf({ WHATHEAD_ROLE: role, PORT: '8080', METRICS_PORT: '8080' });
      assert.equal(problems.length, 1, role);
      assert.match(
        problems[0]!,
        new RegExp(`^METRICS_PORT=8080 is also PORT, and a ${role} process listens on both.*Fix: `),
      );
    }
    assert.match(
      problemsOf({ METRICS_PORT: '3000' }).join('\n'),
      /is also PORT/,
      'against the default PORT too',
    );
    const worker = loadConfig({ WHATHEAD_ROLE: 'worker', PORT: '8080', METRICS_PORT: '8080' });
    assert.equal(worker.metricsPort, 8080, 'a worker does not listen on PORT');
  });

  it('keeps METRICS_PORT off the built-in TikTok emulator’s port, which only runs without a TikTok app', () => {
    const problems = problemsOf({ METRICS_PORT: '4010' });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^METRICS_PORT=4010 is also TIKTOK_EMULATOR_PORT.*Fix: /);
    assert.equal(problemsOf({ METRICS_PORT: '5000', TIKTOK_EMULATOR_PORT: '5000' }).length, 1);
    const withTikTok = { TIKTOK_APP_ID: '7000000000000000001', TIKTOK_APP_SECRET: 'app-secret-value' };
    assert.equal(loadConfig({ ...withTikTok, METRICS_PORT: '4010' }).metricsPort, 4010);
  });

  it('is documented: the README table lists every variable', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(variables))
      assert.match(readme, new RegExp(`\\|\\s*\`${name}\`\\s*\\|`), `${name} in README`);
  });

  it('believes X-Forwarded-For only from the proxies it names, never from every hop', () => {
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy, [
      '10.0.0.0/8',
      'loopback',
    ]);
    assert.equal(loadConfig({}).trustProxy, false);
    const problems = problemsOf({ TRUST_PROXY: 'true' });
    assert.equal(problems.length, 1);
    assert.match(
      problems[0]!,
      /^TRUST_PROXY="true": would believe every X-Forwarded-For hop.*Fix: use false, or the addresses/,
    );
  });
});
