import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConcurrencyLimiter, LimiterBusyError, type Lane } from './concurrency-limiter.js';

/** A piece of work that runs until the test finishes it, recording when it started. */
function controlledWork(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('concurrency limiter', () => {
  it('keeps the last slot for urgent work and starts waiting urgent work before routine work', async () => {
    const limiter = new ConcurrencyLimiter({
      concurrent: 2,
      concurrentRoutine: 1,
      waiting: { urgent: 10, routine: 10 },
      maxWaitMilliseconds: 60_000,
    });
    const started: string[] = [];
    const tasks = new Map<string, ReturnType<typeof controlledWork>>();
    const run = (lane: Lane, name: string) => {
      const task = controlledWork(started, name);
      tasks.set(name, task);
      return limiter.run(lane, task.work);
    };
    const results = [run('routine', 'routine 1'), run('routine', 'routine 2'), run('urgent', 'urgent 1')];
    await settle();
    assert.deepEqual(
      started,
      ['routine 1', 'urgent 1'],
      'the second routine task waits; urgent work does not',
    );

    const moreUrgent = run('urgent', 'urgent 2');
    await settle();
    assert.deepEqual(started, ['routine 1', 'urgent 1']);
    tasks.get('routine 1')!.finish();
    await settle();
    assert.deepEqual(started, ['routine 1', 'urgent 1', 'urgent 2'], 'waiting urgent work goes first');

    tasks.get('urgent 1')!.finish();
    await settle();
    assert.deepEqual(started.at(-1), 'routine 2');
    tasks.get('urgent 2')!.finish();
    tasks.get('routine 2')!.finish();
    assert.deepEqual(await Promise.all([...results, moreUrgent]), [
      'routine 1',
      'routine 2',
      'urgent 1',
      'urgent 2',
    ]);
  });

  it('refuses at once when its lane already has as many waiting as allowed', async () => {
    const limiter = new ConcurrencyLimiter({
      concurrent: 1,
      concurrentRoutine: 1,
      waiting: { urgent: 1, routine: 1 },
      maxWaitMilliseconds: 60_000,
    });
    const started: string[] = [];
    const first = controlledWork(started, 'first');
    const running = limiter.run('routine', first.work);
    const second = controlledWork(started, 'second');
    const waiting = limiter.run('routine', second.work);
    await assert.rejects(
      limiter.run('routine', async () => 'third'),
      LimiterBusyError,
    );
    first.finish();
    assert.equal(await running, 'first');
    await settle();
    assert.deepEqual(started, ['first', 'second']);
    second.finish();
    assert.equal(await waiting, 'second');
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new ConcurrencyLimiter({
      concurrent: 1,
      concurrentRoutine: 1,
      waiting: { urgent: 0, routine: 0 },
      maxWaitMilliseconds: 60_000,
    });
    await assert.rejects(
      limiter.run('urgent', async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await limiter.run('urgent', async () => 'next'), 'next');
  });

  it('refuses work that waited too long for a slot, and keeps the queue in order', async () => {
    const limiter = new ConcurrencyLimiter({
      concurrent: 1,
      concurrentRoutine: 1,
      waiting: { urgent: 5, routine: 5 },
      maxWaitMilliseconds: 20,
    });
    const started: string[] = [];
    const first = controlledWork(started, 'first');
    const running = limiter.run('routine', first.work);
    await assert.rejects(
      limiter.run('routine', async () => 'too late'),
      LimiterBusyError,
    );
    first.finish();
    assert.equal(await running, 'first');
    assert.equal(await limiter.run('routine', async () => 'next'), 'next', 'the slot is free again');
  });
});
