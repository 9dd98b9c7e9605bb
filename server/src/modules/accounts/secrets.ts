import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Small crypto helpers of the accounts feature. Comparisons of secrets are constant-time. */

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
