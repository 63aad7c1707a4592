import { randomBytes } from 'node:crypto';

/**
 * A fresh create `request_id` (correction 1: a 64-bit integer written as a string). Generate it
 * once per intended object and store it with the job, so a rerun sends the same one.
 */
export function createRequestId(): string {
  // 63 random bits: always a positive signed 64-bit integer.
  return (randomBytes(8).readBigUInt64BE() >> 1n).toString();
}
