import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { safeEqual } from '../../secrets';

/**
 * Password hashing with scrypt from node:crypto. Why scrypt rather than argon2id: it is memory-hard,
 * listed by OWASP, ships with Node (no native add-on to build or download) and runs on libuv's
 * thread pool, so hashing never blocks the event loop. Default cost: N=2^15, r=8, p=3 — OWASP's
 * "32 MiB, p=3" equivalent of N=2^17/p=1 with a quarter of the memory per concurrent hash (a
 * small server hashes four at a time). The parameters are stored with each hash, so raising them
 * later only affects new hashes.
 */

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 3 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$logN$r$p$salt$hash` with base64url salt and hash. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password or a malformed stored hash (never throws on user input). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 20) return false;
  const key = await derive(password, Buffer.from(parts[4]!, 'base64url'), { logN, r, p });
  return safeEqual(key.toString('base64url'), parts[5]!);
}
