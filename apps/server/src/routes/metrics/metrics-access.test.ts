import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proxyHeaderExamples } from '../../testing/proxy-headers.js';
import { metricsAccess, type MetricsCaller } from './metrics-access.js';

const token = 'a-metrics-token-that-is-long-enough-0123';
const onPort = { token: undefined, loopbackWithoutToken: false };
const onMetricsPort = { token: undefined, loopbackWithoutToken: true };
const local = (headers: MetricsCaller['headers'] = {}): MetricsCaller => ({
  headers,
  socketAddress: '127.0.0.1',
});

describe('who may read /metrics', () => {
  it('on PORT without a token: nobody, this machine included, since a proxy here makes anyone local', () => {
    assert.equal(metricsAccess(local(), onPort), 'token_not_set');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '::1' }, onPort), 'token_not_set');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '10.1.2.3' }, onPort), 'token_not_set');
  });

  it('on METRICS_PORT without a token: this machine only', () => {
    assert.equal(metricsAccess(local(), onMetricsPort), 'allowed');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '::1' }, onMetricsPort), 'allowed');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '::ffff:127.0.0.1' }, onMetricsPort), 'allowed');
    assert.equal(metricsAccess({ headers: {}, socketAddress: '10.1.2.3' }, onMetricsPort), 'remote_refused');
    assert.equal(metricsAccess({ headers: {}, socketAddress: undefined }, onMetricsPort), 'remote_refused');
  });

  it('on METRICS_PORT without a token: never a request carrying a proxy header, from loopback too', () => {
    for (const headers of proxyHeaderExamples)
      assert.equal(metricsAccess(local(headers), onMetricsPort), 'remote_refused', JSON.stringify(headers));
    assert.equal(metricsAccess(local({ 'X-Forwarded-Prefix': '/x' }), onMetricsPort), 'remote_refused');
    assert.equal(metricsAccess(local({ 'x-forwarded-for': undefined }), onMetricsPort), 'allowed');
  });

  it('with a token, on either listener: its bearer, from anywhere, and nobody else', () => {
    for (const loopbackWithoutToken of [false, true]) {
      const rule = { token, loopbackWithoutToken };
      const bearer = (authorization: string, socketAddress = '198.51.100.4') =>
        metricsAccess({ headers: { authorization }, socketAddress }, rule);
      assert.equal(bearer(`Bearer ${token}`), 'allowed');
      assert.equal(bearer(`bearer ${token}`), 'allowed', 'the scheme is case-insensitive (RFC 7235 §2.1)');
      assert.equal(bearer(`Bearer ${token.slice(0, -1)}`), 'token_required');
      assert.equal(bearer(`Bearer ${token} extra`), 'token_required');
      assert.equal(bearer(token), 'token_required');
      assert.equal(bearer(''), 'token_required');
      assert.equal(metricsAccess(local(), rule), 'token_required');
    }
  });
});
