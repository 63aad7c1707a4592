import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe token with `bytes` of entropy (32 bytes = 256 bits by default). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** A keyed hash of a token, for storing tokens the database must not be able to replay. */
export const keyedHash = (secret: string, value: string): string =>
  createHmac('sha256', secret).update(value).digest('base64url');

/**
 * An unkeyed SHA-256 of a high-entropy token (a TikTok access token): enough to tell whether two
 * rows hold the same token, useless for finding the token itself.
 */
export const tokenFingerprint = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Compares two strings without leaking, through timing, how much of them matched. */
export function constantTimeEqual(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left);
  const rightBytes = Buffer.from(right);
  return leftBytes.length === rightBytes.length && timingSafeEqual(leftBytes, rightBytes);
}
