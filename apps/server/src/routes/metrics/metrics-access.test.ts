import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricsAccess } from './metrics-access.js';

const token = 'a-metrics-token-that-is-long-enough-0123';

describe('who may read /metrics', () => {
  it('without a token: this machine only, and never a request a proxy forwarded', () => {
    assert.equal(metricsAccess({ headers: {}, socketAddress: '127.0.0.1' }, undefined), 'allowed');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '::1' }, undefined), 'allowed');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '10.1.2.3' }, undefined), 'remote_refused');
    assert.equal(metricsAccess({ headers: {}, socketAddress: undefined }, undefined), 'remote_refused');
    const forwarded = { 'x-forwarded-for': '198.51.100.4' };
    assert.equal(
      metricsAccess({ headers: forwarded, socketAddress: '127.0.0.1' }, undefined),
      'remote_refused',
    );
  });

  it('with a token: its bearer, from anywhere, and nobody else', () => {
    const bearer = (authorization: string, socketAddress = '198.51.100.4') =>
      metricsAccess({ headers: { authorization }, socketAddress }, token);
    assert.equal(bearer(`Bearer ${token}`), 'allowed');
    assert.equal(bearer(`bearer ${token}`), 'allowed', 'the scheme is case-insensitive (RFC 7235 §2.1)');
    assert.equal(bearer(`Bearer ${token.slice(0, -1)}`), 'token_required');
    assert.equal(bearer(`Bearer ${token} extra`), 'token_required');
    assert.equal(bearer(token), 'token_required');
    assert.equal(bearer(''), 'token_required');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '127.0.0.1' }, token), 'token_required');
  });
});
