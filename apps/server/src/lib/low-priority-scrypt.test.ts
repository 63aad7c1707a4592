import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { hashingThreadNice, LowPriorityScrypt } from './low-priority-scrypt.js';

const options = { N: 1024, r: 8, p: 1 };

/** The nice value of each thread of this process (field 19 of /proc/self/task/<id>/stat). */
const threadNiceValues = (): number[] =>
  readdirSync('/proc/self/task').map((thread) => {
    const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

describe('low-priority scrypt', () => {
  it('derives the same keys as scrypt itself, on threads of low priority', async () => {
    const hashing = new LowPriorityScrypt(2);
    try {
      const salt = Buffer.from('0123456789abcdef');
      const keys = await Promise.all(
        ['first', 'second', 'third'].map((password) => hashing.derive(password, salt, 32, options)),
      );
      assert.deepEqual(
        keys.map((key) => key.toString('hex')),
        ['first', 'second', 'third'].map((password) =>
          scryptSync(password, salt, 32, options).toString('hex'),
        ),
      );
      if (existsSync('/proc/self/task')) {
        assert.ok(threadNiceValues().includes(hashingThreadNice), 'a hashing thread runs at low priority');
        assert.ok(threadNiceValues().includes(0), 'the rest of the process keeps its priority');
      }
    } finally {
      await hashing.close();
    }
  });

  it('reports a failed derivation to its caller', async () => {
    const hashing = new LowPriorityScrypt(1);
    try {
      await assert.rejects(hashing.derive('password', Buffer.alloc(16), 32, { N: 3, r: 8, p: 1 }));
      const key = await hashing.derive('password', Buffer.alloc(16), 32, options);
      assert.equal(key.length, 32, 'the thread still works after a failure');
    } finally {
      await hashing.close();
    }
  });
});
