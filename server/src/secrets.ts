import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { REPO_ROOT, type Config } from './config';

/**
 * The server secret and small crypto helpers (accounts, CSRF). Comparisons of secrets are
 * constant-time.
 */

/** Reads the development secret, generating it (0600) on first start. */
function developmentSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return secret;
}

/**
 * SECRET_KEY, else (development) the secret file, generated on first start. Under NODE_ENV=test
 * without SECRET_KEY_FILE: a throw-away secret rather than touching data/. Called once, by boot.
 */
export function loadSecret(config: Pick<Config, 'SECRET_KEY' | 'SECRET_KEY_FILE' | 'NODE_ENV'>): Buffer {
  if (config.SECRET_KEY) return Buffer.from(config.SECRET_KEY, 'utf8');
  if (config.NODE_ENV === 'test' && !config.SECRET_KEY_FILE) return Buffer.from(randomBytes(48).toString('base64url'), 'utf8');
  const file = config.SECRET_KEY_FILE ?? 'data/secret.key';
  return Buffer.from(developmentSecret(isAbsolute(file) ? file : resolve(REPO_ROOT, file)), 'utf8');
}

/** 256-bit random token, URL-safe (session cookies, mailed links). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Six decimal digits from the CSPRNG (mailed and SMS codes). */
export const randomCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** SHA-256 hex of a high-entropy token: enough to store it (nothing to brute-force). */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Keyed HMAC-SHA256 hex: for low-entropy secrets (codes, phone numbers) and pseudonyms. */
export const hmacHex = (key: Buffer, ...parts: string[]): string => {
  const mac = createHmac('sha256', key);
  // Length-prefix each part so ("ab","c") and ("a","bc") never collide.
  for (const part of parts) mac.update(`${part.length}:${part}|`);
  return mac.digest('hex');
};

/** Constant-time string equality (unequal lengths return false without early exit on content). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) {
    // Still spend a comparison so the timing does not depend on where the lengths differ.
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
