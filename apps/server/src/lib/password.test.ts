import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, testCost, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery staple', testCost);
    const second = await hashPassword('correct horse battery staple', testCost);
    assert.notEqual(first, second);
    assert.match(first, /^scrypt\$1024\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse battery staple', first), true);
    assert.equal(await verifyPassword('correct horse battery stapler', first), false);
    assert.equal(await verifyPassword('anything', 'not-a-hash'), false);
  });

  it('treats canonically equal Unicode passwords as equal', async () => {
    const hash = await hashPassword('caf\u00e9 password', testCost);
    assert.equal(await verifyPassword('cafe\u0301 password', hash), true);
  });
});
