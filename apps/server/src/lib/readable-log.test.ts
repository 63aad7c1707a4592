import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { loggerOptions } from './logger.js';
import { formatLogLine, readableLogDestination } from './readable-log.js';

const at = new Date(2026, 10, 25, 14, 3, 7).getTime();

describe('readable log lines', () => {
  it('put the time, the level and the message first, then the fields as key=value', () => {
    const line = formatLogLine(
      {
        level: 30,
        time: at,
        pid: 1234,
        hostname: 'box',
        msg: 'request completed',
        reqId: 'req-1',
        res: { statusCode: 200 },
        responseTime: 4.2,
        migrations: ['0001_accounts', '0002_tiktok_connections'],
        database: 'embedded PGlite in /tmp/data',
      },
      { colours: false },
    );
    assert.equal(
      line,
      '14:03:07 INFO  request completed reqId=req-1 res.statusCode=200 responseTime=4.2 ' +
        'migrations=0001_accounts,0002_tiktok_connections database="embedded PGlite in /tmp/data"',
    );
  });

  it('end with the message when there are no fields, and colour the level only on request', () => {
    const entry = { level: 40, time: at, msg: 'careful' };
    assert.equal(formatLogLine(entry, { colours: false }), '14:03:07 WARN  careful');
    const yellow = (text: string) => `\u001b[33m${text}\u001b[0m`;
    assert.ok(formatLogLine(entry, { colours: true }).endsWith(`${yellow('WARN ')} careful`));
  });

  it('show an error’s message and codes on the line, and its stack and causes below', () => {
    const line = formatLogLine(
      {
        level: 50,
        time: at,
        msg: 'job failed',
        err: {
          type: 'TikTokApiError',
          message: 'Access token expired',
          stack: 'TikTokApiError: Access token expired\n    at call (client.ts:1:1)',
          code: 40105,
          cause: { type: 'Error', message: 'socket hang up', stack: 'Error: socket hang up' },
        },
      },
      { colours: false },
    );
    assert.equal(
      line,
      [
        '14:03:07 ERROR job failed err="Access token expired" err.code=40105',
        '    TikTokApiError: Access token expired',
        '    at call (client.ts:1:1)',
        '    caused by: Error: socket hang up',
      ].join('\n'),
    );
  });

  it('receive what pino writes after redaction, so no secret reaches the terminal', () => {
    const written: string[] = [];
    const output = { write: (text: string) => written.push(text) } as unknown as NodeJS.WritableStream;
    const logger = pino(loggerOptions('info'), readableLogDestination(output, { colours: false }));

    logger.info({ password: 'canary-secret', user: 'ada' }, 'signed up');

    assert.equal(written.length, 1);
    assert.ok(written[0]!.endsWith('INFO  signed up password=[redacted] user=ada\n'), written[0]);
    assert.doesNotMatch(written[0]!, /canary-secret/);
  });
});
