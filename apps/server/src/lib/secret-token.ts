import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe token with `bytes` of entropy (32 bytes = 256 bits by default). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** A keyed hash of a token, for storing tokens the database must not be able to replay. */
export const keyedHash = (secret: string, value: string): string =>
  createHmac('sha256', secret).update(value).digest('base64url');

/** Compares two strings without leaking, through timing, how much of them matched. */
export function constantTimeEqual(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left);
  const rightBytes = Buffer.from(right);
  return leftBytes.length === rightBytes.length && timingSafeEqual(leftBytes, rightBytes);
}
