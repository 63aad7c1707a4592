import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageWrites } from './page-writes.js';

/** A write that finishes when told to, and says when it started. */
function heldWrite(log: string[], name: string) {
  let finish!: (failure?: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = (failure) => (failure ? reject(failure) : resolve());
  });
  return {
    start: () => {
      log.push(`start ${name}`);
      return done;
    },
    finish,
  };
}

test('one write at a time: the next starts only when the one before is done, in order', async () => {
  const log: string[] = [];
  const writes = new PageWrites(1);
  const [first, second] = [heldWrite(log, 'first'), heldWrite(log, 'second')];
  await writes.add(first.start);
  const adding = writes.add(second.start);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(log, ['start first'], 'the second waits while the first runs');
  first.finish();
  await adding;
  assert.deepEqual(log, ['start first', 'start second']);
  second.finish();
  await writes.settled();
});

test('two at once: the second starts beside the first, the third waits for one of them', async () => {
  const log: string[] = [];
  const writes = new PageWrites(2);
  const held = ['a', 'b', 'c'].map((name) => heldWrite(log, name));
  await writes.add(held[0]!.start);
  await writes.add(held[1]!.start);
  const third = writes.add(held[2]!.start);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(log, ['start a', 'start b']);
  held[1]!.finish();
  await third;
  assert.deepEqual(log, ['start a', 'start b', 'start c']);
  held[0]!.finish();
  held[2]!.finish();
  await writes.settled();
});

test('a failed write fails the next add and the settling, and starts nothing after it', async () => {
  const log: string[] = [];
  const writes = new PageWrites(1);
  const failing = heldWrite(log, 'failing');
  await writes.add(failing.start);
  const next = heldWrite(log, 'next');
  const adding = writes.add(next.start);
  failing.finish(new Error('connection lost'));
  await assert.rejects(adding, /connection lost/);
  await assert.rejects(writes.settled(), /connection lost/);
  await writes.drained();
  assert.deepEqual(log, ['start failing'], 'nothing starts after a write failed');
});
