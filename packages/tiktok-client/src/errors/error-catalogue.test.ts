import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyEnvelopeError, classifyHttpStatus, errorCatalogue } from './error-catalogue.js';

/** A representative message for the rows that match on TikTok's text (reference §3.4, §7). */
const sampleMessages: Record<string, string> = {
  auth_invalid: 'The access token was issued for a different app, app_id mismatch.',
  advertiser_unavailable: "The advertiser 1234567890123456789 doesn't exist or has been deleted.",
  authorization_code_invalid:
    'Invalid auth_code. Not able to get long-term access_token with an old auth_code',
};

describe('every row of the error table (reference §7)', () => {
  errorCatalogue.forEach((row, index) => {
    const codes = 'from' in row.codes ? [row.codes.from, row.codes.to] : row.codes;
    test(`row ${index + 1}: ${codes.join(', ')}${row.message ? ` (${row.message.source.slice(0, 30)}…)` : ''} → ${row.kind}`, () => {
      const message = row.message ? (sampleMessages[row.kind] ?? 'token') : 'Some TikTok message.';
      for (const code of codes) {
        const result = classifyEnvelopeError(code, message);
        assert.equal(result.kind, row.kind, `code ${code}`);
        assert.equal(result.retryable, row.retryable, `code ${code}`);
      }
    });
  });
});

test('40001 names the missing permission when TikTok says which (PostHog #82183)', () => {
  const result = classifyEnvelopeError(
    40001,
    'advertiser does not grant you /file/video/ad/search/:GET permission',
  );
  assert.equal(result.kind, 'permission_denied');
  assert.equal(result.missingPermission, '/file/video/ad/search/:GET');
});

test('40001 for an unknown or deleted advertiser is advertiser_unavailable, not a permission gap', () => {
  const result = classifyEnvelopeError(
    40001,
    "The advertiser 7200000000000000099 doesn't exist or has been deleted.",
  );
  assert.equal(result.kind, 'advertiser_unavailable');
  assert.equal(
    classifyEnvelopeError(40001, 'The advertiser 72 is not eligible for API access.').kind,
    'advertiser_unavailable',
  );
});

test('40000 is an invalid request unless the message says token and app do not match', () => {
  assert.equal(classifyEnvelopeError(40000, 'Invalid parameters.').kind, 'invalid_request');
  assert.equal(
    classifyEnvelopeError(40000, 'The access token does not belong to this app.').kind,
    'auth_invalid',
  );
});

test('40101 naming the auth_code is a stale sign-in, not the app setup (correction 17)', () => {
  const stale = classifyEnvelopeError(
    40101,
    'Invalid auth_code. Not able to get long-term access_token with an old auth_code',
  );
  assert.equal(stale.kind, 'authorization_code_invalid');
  assert.equal(stale.retryable, false);
  const credentials = classifyEnvelopeError(40101, 'Invalid app_id or secret.');
  assert.equal(credentials.kind, 'configuration');
  assert.equal(credentials.retryable, false);
});

test('40110 naming the auth code is a stale sign-in; other 40110 texts stay auth_invalid', () => {
  const used = classifyEnvelopeError(40110, 'Auth code is invalid, expired or has been used.');
  assert.deepEqual([used.kind, used.retryable], ['authorization_code_invalid', false]);
  assert.equal(classifyEnvelopeError(40110, 'Invalid authorization.').kind, 'auth_invalid');
});

test('40002 names the field', () => {
  assert.equal(classifyEnvelopeError(40002, 'budget: Missing data for required field.').field, 'budget');
  assert.equal(
    classifyEnvelopeError(40002, 'creatives.0.ad_text: Longer than maximum length 100.').field,
    'creatives.0.ad_text',
  );
  const metrics =
    'Please correct the information in invalid metric fields and try again. Invalid metric fields: [foo]';
  assert.equal(classifyEnvelopeError(40002, metrics).field, 'metrics');
});

test('rate limits say which window and whose budget (reference §8)', () => {
  assert.deepEqual(classifyEnvelopeError(40100, 'App reaches the QPS limit.').rateLimit, {
    window: 'second',
    scope: 'app',
  });
  assert.deepEqual(classifyEnvelopeError(40100, 'App reaches the QPM limit.').rateLimit, {
    window: 'minute',
    scope: 'app',
  });
  assert.deepEqual(classifyEnvelopeError(40100, 'App reaches the QPD limit of /ad/create/.').rateLimit, {
    window: 'day',
    scope: 'endpoint',
  });
  assert.deepEqual(
    classifyEnvelopeError(40133, 'Advertiser 7 reaches the QPS limit of /ad/get/.').rateLimit,
    {
      window: 'second',
      scope: 'advertiser',
    },
  );
  const restricted = 'Due to too many requests, requests from App 7300 are temporarily restricted.';
  assert.deepEqual(classifyEnvelopeError(61000, restricted).rateLimit, { window: undefined, scope: 'app' });
});

test('codes the table does not know are unknown and not retried', () => {
  assert.deepEqual(classifyEnvelopeError(12345, 'What is this?'), { kind: 'unknown', retryable: false });
});

test('HTTP answers without an envelope: 5xx transient, 429 rate limited, others unexpected', () => {
  assert.equal(classifyHttpStatus(502).kind, 'transient');
  assert.equal(classifyHttpStatus(503).retryable, true);
  assert.equal(classifyHttpStatus(429).kind, 'rate_limited');
  assert.equal(classifyHttpStatus(404).kind, 'unexpected_response');
  assert.equal(classifyHttpStatus(405).retryable, false);
});
