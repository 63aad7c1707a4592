import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt alternative to N=2^17 with 32 MiB per hash instead of 128 MiB. */
export const standardCost: PasswordCost = { N: 2 ** 15, r: 8, p: 3 };
/** For tests only: the parameters are stored with each hash, so cheap hashes still verify. */
export const testCost: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

const keyLength = 32;

/** Where scrypt runs: libuv's thread pool by default, or threads of lower priority. */
export type Scrypt = (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
) => Promise<Buffer>;

const threadPoolScrypt: Scrypt = (password, salt, length, options) =>
  new Promise((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

function derive(password: string, salt: Buffer, cost: PasswordCost, run: Scrypt): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r * cost.p + 1024 * 1024 };
  return run(password.normalize('NFKC'), salt, keyLength, options);
}

/** `scrypt$N$r$p$salt$key`, so parameters can be raised later without invalidating old hashes. */
export async function hashPassword(
  password: string,
  cost: PasswordCost = standardCost,
  run: Scrypt = threadPoolScrypt,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, run);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    { N: Number(N), r: Number(r), p: Number(p) },
    threadPoolScrypt,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
