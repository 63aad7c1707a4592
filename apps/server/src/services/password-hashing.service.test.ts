import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors.js';
import { testCost } from '../lib/password.js';
import { PasswordHashingService, standardHashingLimits } from './password-hashing.service.js';

describe('password hashing service', () => {
  it('keeps a slot for log-ins on every machine, and no more hashes at once than libuv has threads', () => {
    for (const cores of [1, 2, 8, 64]) {
      const limits = standardHashingLimits(cores);
      assert.ok(limits.concurrent >= 2 && limits.concurrent <= 4, `${cores} cores`);
      assert.equal(limits.concurrentRoutine, limits.concurrent - 1);
    }
  });

  it('refuses new passwords at once with server_busy when too many already wait', async () => {
    const hashing = new PasswordHashingService({
      cost: testCost,
      limits: {
        concurrent: 2,
        concurrentRoutine: 1,
        waiting: { urgent: 1, routine: 1 },
        maxWaitMilliseconds: 60_000,
        newPasswordsAtLowPriority: true,
        perNetwork: 10,
      },
    });
    const running = hashing.hash('first password to hash');
    const waiting = hashing.hash('second password to hash');
    await assert.rejects(hashing.hash('third password to hash'), (error) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'server_busy');
      assert.equal(error.status, 503);
      assert.ok((error.details?.retryAfterSeconds ?? 0) > 0);
      return true;
    });
    const stored = await running;
    assert.equal(await hashing.verify('first password to hash', stored), true, 'log-ins are not held up');
    assert.match(await waiting, /^scrypt\$/);
    assert.equal(await hashing.verify('second password to hash', await waiting), true);
    await hashing.close();
  });

  it('answers an unknown account after the same work as a wrong password', async () => {
    const hashing = new PasswordHashingService({ cost: testCost });
    assert.equal(await hashing.verify('anything at all', undefined), false);
    await hashing.close();
  });

  it('gives one network a few hashes at a time, so it cannot fill the queue everyone waits in', async () => {
    const hashing = new PasswordHashingService({
      cost: testCost,
      limits: { ...standardHashingLimits(2), perNetwork: 2, newPasswordsAtLowPriority: false },
    });
    const flood = Array.from({ length: 6 }, (_, index) =>
      hashing.verify(`guess number ${index}`, undefined, '203.0.113.7').then(
        () => 'checked',
        (error: unknown) => (error instanceof AppError ? error.code : 'failed'),
      ),
    );
    const neighbour = hashing.verify('the right password', undefined, '198.51.100.9');
    const outcomes = await Promise.all(flood);
    assert.deepEqual(
      outcomes.filter((outcome) => outcome === 'checked').length,
      2,
      'two of the flood were checked',
    );
    assert.deepEqual(
      outcomes.filter((outcome) => outcome === 'too_many_attempts').length,
      4,
      'the rest were refused at once',
    );
    assert.equal(await neighbour, false, 'another network was served (an unknown account never matches)');
    assert.equal(
      await hashing.verify('later', undefined, '203.0.113.7'),
      false,
      'the network gets its places back',
    );
    await hashing.close();
  });
});
