import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { backoffDelay, defaultRetryPolicy } from './retry-policy.js';

test('full jitter: uniform between 0 and the capped exponential', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.double({ min: 0, max: 0.999999, noNaN: true }),
      (attempt, random) => {
        const delay = backoffDelay(attempt, 500, defaultRetryPolicy, () => random);
        const ceiling = Math.min(defaultRetryPolicy.maxDelayMilliseconds, 500 * 2 ** (attempt - 1));
        assert.ok(delay >= 0 && delay <= ceiling);
      },
    ),
  );
  assert.equal(
    backoffDelay(3, 500, defaultRetryPolicy, () => 0.5),
    1000,
  );
});
