import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiterClosedError, TikTokApiError, type TikTokApiErrorDetails } from '@whathead/tiktok-client';
import { unavailableAdvertiserOf } from './tiktok-advertiser-infos.js';
import { attentionCauseOf, toAppError } from './tiktok-errors.js';

const failure = (details: Partial<TikTokApiErrorDetails>) =>
  new TikTokApiError({
    kind: 'unknown',
    code: undefined,
    tiktokMessage: '',
    requestId: 'req-1',
    httpStatus: 200,
    method: 'GET',
    path: '/advertiser/info/',
    advertiserId: undefined,
    retryable: false,
    attempts: 1,
    ...details,
  });

test('an unknown or deleted advertiser has its own plain cause, not "TikTok didn’t answer"', () => {
  const gone = failure({
    kind: 'advertiser_unavailable',
    code: 40001,
    tiktokMessage: "The advertiser 7200000000000000099 doesn't exist or has been deleted.",
  });
  const appError = toAppError(gone);
  assert.equal(appError.code, 'tiktok_advertiser_unavailable');
  assert.match(appError.message, /doesn't exist, was deleted, or is no longer shared/);
  assert.equal(attentionCauseOf(gone), undefined, 'one account gone is not a broken connection');
  assert.equal(
    unavailableAdvertiserOf(gone, ['7200000000000000011', '7200000000000000099']),
    '7200000000000000099',
  );
  assert.equal(unavailableAdvertiserOf(gone, ['7200000000000000011']), undefined);
});

test('every auth-class refusal is a cause for Needs attention', () => {
  assert.equal(attentionCauseOf(failure({ kind: 'auth_invalid', code: 40102 })), 'token_expired');
  assert.equal(attentionCauseOf(failure({ kind: 'auth_invalid', code: 40105 })), 'token_revoked');
  assert.equal(attentionCauseOf(failure({ kind: 'auth_invalid', code: 40000 })), 'token_revoked');
  assert.equal(
    attentionCauseOf(failure({ kind: 'permission_denied', code: 40001, path: '/bc/get/' })),
    'business_center_access_lost',
  );
  assert.equal(attentionCauseOf(failure({ kind: 'permission_denied', code: 40001 })), 'permissions_missing');
  assert.equal(attentionCauseOf(failure({ kind: 'transient', code: 50000 })), undefined);
});

test('a call refused because the process is shutting down is a 503 to retry shortly, not a 500', () => {
  const closed = new RateLimiterClosedError();
  const appError = toAppError(closed);
  assert.equal(appError.code, 'server_busy');
  assert.equal(appError.status, 503);
  assert.equal(appError.details?.retryAfterSeconds, 5);
  assert.equal(appError.cause, closed);
  assert.equal(attentionCauseOf(closed), undefined, 'nothing is wrong with the connection');
});

test('TikTok refusing the values says why in its words and is not "try again later"', () => {
  const refused = toAppError(
    failure({
      kind: 'invalid_request',
      code: 40002,
      tiktokMessage: 'The budget of the ad group cannot exceed the budget of the campaign',
    }),
  );
  assert.equal(refused.code, 'tiktok_refused');
  assert.equal(refused.status, 422);
  assert.equal(
    refused.message,
    'TikTok refused the change: The budget of the ad group cannot exceed the budget of the campaign.',
  );
  assert.doesNotMatch(refused.message, /40002/);
  assert.equal(toAppError(failure({ kind: 'not_found', code: 40011 })).code, 'tiktok_refused');
  assert.equal(toAppError(failure({ kind: 'transient', code: 50000 })).code, 'tiktok_unavailable');
});
