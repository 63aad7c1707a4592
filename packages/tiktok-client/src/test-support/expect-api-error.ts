import assert from 'node:assert/strict';
import { TikTokApiError } from '../errors/tiktok-api-error.js';

/** The TikTokApiError a call rejects with; fails the test when it resolves or throws anything else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<TikTokApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(TikTokApiError.isInstance(error), `not a TikTokApiError: ${String(error)}`);
    return error;
  }
  assert.fail('resolved, expected a TikTokApiError');
}
