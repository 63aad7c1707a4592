import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { loggerOptions, withoutSecrets } from './logger.js';

describe('log redaction', () => {
  it('replaces a secret under its name at any depth, in objects and arrays', () => {
    const logged = {
      connection: { grant: { tokens: [{ access_token: 'AT-1', scope: 'ads' }] } },
      request: { headers: { Authorization: 'Bearer x', 'X-CSRF-Token': 'c', accept: 'json' } },
      password: 'hunter2',
    };
    assert.deepEqual(withoutSecrets(logged), {
      connection: { grant: { tokens: [{ access_token: '[redacted]', scope: 'ads' }] } },
      request: { headers: { Authorization: '[redacted]', 'X-CSRF-Token': '[redacted]', accept: 'json' } },
      password: '[redacted]',
    });
  });

  it('leaves the logged object itself unchanged, and returns it as is when it holds no secret', () => {
    const inner = { refresh_token: 'RT' };
    const logged = { outer: { inner }, count: 3 };
    const clean = withoutSecrets(logged) as { outer: { inner: { refresh_token: string } } };
    assert.equal(inner.refresh_token, 'RT');
    assert.equal(clean.outer.inner.refresh_token, '[redacted]');
    const harmless = { a: { b: [1, 2] } };
    assert.equal(withoutSecrets(harmless), harmless);
  });

  it('keeps secrets out of lines a pino logger writes', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino(loggerOptions('info'), sink);
    logger.info({ tiktok: { answer: { data: { access_token: 'AT-secret' } } } }, 'deep');
    logger.info({ req: { headers: { cookie: 'sid=secret-cookie' } } }, 'headers');
    const text = lines.join('');
    assert.doesNotMatch(text, /AT-secret|secret-cookie/);
    assert.match(text, /"access_token":"\[redacted\]"/);
  });
});
