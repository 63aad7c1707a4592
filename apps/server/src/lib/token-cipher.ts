import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A token as stored: AES-256-GCM output and the id of the key that sealed it. */
export interface SealedToken {
  ciphertext: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
  keyId: string;
}

/**
 * The stored token cannot be read: its key is no longer configured, or the ciphertext, IV, tag
 * or associated data changed. The connection must be reconnected; nothing else breaks.
 */
export class TokenUnreadableError extends Error {
  override readonly name = 'TokenUnreadableError';
  readonly reason: 'unknown_key' | 'tampered';
  constructor(reason: 'unknown_key' | 'tampered', options?: { cause?: unknown }) {
    super(
      reason === 'unknown_key'
        ? 'The token was encrypted with a key that is no longer configured.'
        : 'The token failed authentication: it was altered or bound to another record.',
      options,
    );
    this.reason = reason;
  }
}

/** NIST SP 800-38D §8.2: a 96-bit IV, random per message; one key never sees 2^32 tokens. */
const ivBytes = 12;

/** A key's public name: the first 8 hex of its SHA-256, so rows say which key sealed them. */
export const keyIdOf = (key: Uint8Array): string =>
  createHash('sha256').update(key).digest('hex').slice(0, 8);

const decodeKey = (base64: string): Buffer => {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('A token encryption key must be 32 bytes, base64-encoded.');
  return key;
};

/**
 * Encrypts TikTok access tokens at rest with AES-256-GCM. The record's id is the associated data,
 * so a ciphertext copied onto another connection does not decrypt. New tokens use the current
 * key; any previous key still decrypts, so keys rotate by re-encrypting rows (see `needsRotation`).
 */
export class TokenCipher {
  readonly currentKeyId: string;
  readonly #current: Buffer;
  readonly #keys: Map<string, Buffer>;

  constructor(currentKey: string, previousKeys: readonly string[] = []) {
    this.#current = decodeKey(currentKey);
    this.currentKeyId = keyIdOf(this.#current);
    this.#keys = new Map([[this.currentKeyId, this.#current]]);
    for (const previous of previousKeys) {
      const key = decodeKey(previous);
      if (!this.#keys.has(keyIdOf(key))) this.#keys.set(keyIdOf(key), key);
    }
  }

  seal(plaintext: string, associatedData: string): SealedToken {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.#current, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: this.currentKeyId };
  }

  open(sealed: SealedToken, associatedData: string): string {
    const key = this.#keys.get(sealed.keyId);
    if (!key) throw new TokenUnreadableError('unknown_key');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv));
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.authTag));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext)), decipher.final()]).toString(
        'utf8',
      );
    } catch (error) {
      throw new TokenUnreadableError('tampered', { cause: error });
    }
  }

  /** True when a row was sealed with an older key and should be re-encrypted with the current one. */
  needsRotation(keyId: string): boolean {
    return keyId !== this.currentKeyId;
  }
}
