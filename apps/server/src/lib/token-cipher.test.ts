import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { keyIdOf, TokenCipher, TokenUnreadableError } from './token-cipher.js';

const newKey = () => randomBytes(32).toString('base64');
const token = 'c0ffee0123456789abcdef0123456789abcdef01';
const connectionId = '4b0d3c6e-3f7a-4a53-9a51-7c1f0a2b9e10';

describe('TokenCipher', () => {
  it('round-trips a token and never stores it in clear', () => {
    const cipher = new TokenCipher(newKey());
    const sealed = cipher.seal(token, connectionId);
    assert.equal(sealed.iv.length, 12);
    assert.equal(sealed.authTag.length, 16);
    assert.equal(Buffer.from(sealed.ciphertext).includes(Buffer.from(token)), false);
    assert.equal(cipher.open(sealed, connectionId), token);
  });

  it('uses a fresh IV every time', () => {
    const cipher = new TokenCipher(newKey());
    const first = cipher.seal(token, connectionId);
    const second = cipher.seal(token, connectionId);
    assert.notDeepEqual(Buffer.from(first.iv), Buffer.from(second.iv));
    assert.notDeepEqual(Buffer.from(first.ciphertext), Buffer.from(second.ciphertext));
  });

  it('names keys by the first 8 hex of their SHA-256', () => {
    const key = newKey();
    const cipher = new TokenCipher(key);
    assert.match(cipher.currentKeyId, /^[0-9a-f]{8}$/);
    assert.equal(cipher.currentKeyId, keyIdOf(Buffer.from(key, 'base64')));
  });

  it('refuses a flipped bit, another record’s id, or a changed tag', () => {
    const cipher = new TokenCipher(newKey());
    const sealed = cipher.seal(token, connectionId);
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] = flipped[0]! ^ 1;
    const tag = Buffer.from(sealed.authTag);
    tag[3] = tag[3]! ^ 0x80;
    for (const [altered, associatedData] of [
      [{ ...sealed, ciphertext: flipped }, connectionId],
      [sealed, 'another-connection-id'],
      [{ ...sealed, authTag: tag }, connectionId],
    ] as const) {
      assert.throws(
        () => cipher.open(altered, associatedData),
        (error) => error instanceof TokenUnreadableError && error.reason === 'tampered',
      );
    }
  });

  it('decrypts with a previous key after rotation and says the row needs re-encryption', () => {
    const oldKey = newKey();
    const sealed = new TokenCipher(oldKey).seal(token, connectionId);
    const rotated = new TokenCipher(newKey(), [oldKey]);
    assert.equal(rotated.open(sealed, connectionId), token);
    assert.equal(rotated.needsRotation(sealed.keyId), true);
    assert.equal(rotated.needsRotation(rotated.seal(token, connectionId).keyId), false);
  });

  it('reports a key that is no longer configured', () => {
    const sealed = new TokenCipher(newKey()).seal(token, connectionId);
    assert.throws(
      () => new TokenCipher(newKey()).open(sealed, connectionId),
      (error) => error instanceof TokenUnreadableError && error.reason === 'unknown_key',
    );
  });
});
