import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { VERIFICATION_LEVELS } from '@parallele/core';
import { AppError } from '../../errors';

/**
 * Settings of the citizens' side (accounts, votes, moderation), validated from the environment
 * like the server config. Kept beside the feature so the server skeleton stays small; the
 * composition root loads both.
 */
const onOff = z.enum(['on', 'off']);
const level = z.enum(VERIFICATION_LEVELS);

export const citizensConfigSchema = z.object({
  /** Server secret (≥ 32 characters): pseudonyms, CSRF tokens, code MACs. Required in production. */
  SECRET_KEY: z.string().min(32, 'at least 32 characters').optional(),
  /** Where a development secret is generated on first start (never committed: data/ is ignored). */
  SECRET_KEY_FILE: z.string().min(1).default('data/secret.key'),
  /** `mailbox`: mails written as files and logged (development); `smtp`: sent through SMTP_URL. */
  MAIL_TRANSPORT: z.enum(['mailbox', 'smtp']).optional(),
  MAILBOX_DIR: z.string().min(1).default('data/mailbox'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Législature parallèle <no-reply@localhost>'),
  /** scrypt cost as log2(N); tests lower it, production keeps ≥ 15 */
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
  SCRYPT_P: z.coerce.number().int().min(1).max(16).default(3),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * `Secure` cookies AND the HSTS header (one setting: issue 10, point 15). Default: on in
   * production or when PUBLIC_URL is https.
   */
  COOKIE_SECURE: onOff.optional(),
  /** The level an account needs to vote at all */
  VOTE_MIN_LEVEL: level.default('none'),
  /** The level a voter needs to count in the "verified" tally */
  TALLY_VERIFIED_LEVEL: level.default('email'),
  RATE_LIMITS: onOff.default('on'),
  /** register/login/reset/verify requests per IP per 15 minutes, all together: a ceiling a NAT fits under */
  RATE_AUTH_PER_IP: z.coerce.number().int().positive().default(600),
  // Per action (issue 10, point 7; see accounts/auth-limits.ts):
  /** accounts created per IP per hour */
  RATE_REGISTER_PER_IP: z.coerce.number().int().positive().default(10),
  /** failed logins per IP per 15 minutes */
  RATE_LOGIN_PER_IP: z.coerce.number().int().positive().default(100),
  /** failed logins per account (address) per 15 minutes */
  RATE_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  /** code checks, reset requests and mailed links per IP per 15 minutes (each its own bucket) */
  RATE_VERIFY_PER_IP: z.coerce.number().int().positive().default(60),
  /** vote writes per account per minute (100 identical concurrent votes must still fit) */
  RATE_VOTES_PER_ACCOUNT: z.coerce.number().int().positive().default(120),
  /** vote writes per IP per minute: high, a campus or a carrier NAT shares one address */
  RATE_VOTES_PER_IP: z.coerce.number().int().positive().default(6000),
  /** `FULL`: fsync the WAL on every commit (survives power loss); `NORMAL`: survives process kills */
  VOTES_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** seconds between burst-detector runs; 0 turns the periodic run off */
  DETECTOR_INTERVAL_S: z.coerce.number().int().min(0).default(60),
  /** development SMS provider: logs the code (never in production) */
  SMS_PROVIDER: z.enum(['log', 'none']).optional(),
});

export type CitizensConfigEnv = z.infer<typeof citizensConfigSchema>;

export interface CitizensConfig extends Omit<CitizensConfigEnv, 'SECRET_KEY' | 'MAIL_TRANSPORT' | 'COOKIE_SECURE' | 'SMS_PROVIDER'> {
  secret: Buffer;
  mailTransport: 'mailbox' | 'smtp';
  mailboxPath: string;
  cookieSecure: boolean;
  smsProvider: 'log' | 'none';
  production: boolean;
}

const absolute = (root: string, p: string) => (isAbsolute(p) ? p : resolve(root, p));

/** Reads the development secret, generating it (0600) on first start. */
function developmentSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return secret;
}

/**
 * Validates the citizens' settings. In production a missing SECRET_KEY, an SMTP-less mail setup
 * or the logging SMS provider is refused: those are development conveniences only.
 */
export function loadCitizensConfig(
  env: Record<string, string | undefined>,
  options: { nodeEnv: 'development' | 'production' | 'test'; root: string; publicUrl?: string | undefined },
): CitizensConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(citizensConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = citizensConfigSchema.safeParse(picked);
  const production = options.nodeEnv === 'production';
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
  if (parsed.success && production) {
    if (!parsed.data.SECRET_KEY) problems.push('  SECRET_KEY: required in production');
    if ((parsed.data.MAIL_TRANSPORT ?? 'smtp') === 'smtp' && !parsed.data.SMTP_URL) problems.push('  SMTP_URL: required in production');
    if (parsed.data.SMS_PROVIDER === 'log') problems.push('  SMS_PROVIDER: the logging provider is for development only');
  }
  if (!parsed.success || problems.length > 0) {
    throw new AppError('config_invalid', `Invalid configuration:\n${problems.join('\n')}`, { status: 500, operational: false });
  }
  const c = parsed.data;
  // Tests without a SECRET_KEY get a throw-away one rather than touching data/.
  const secretText =
    c.SECRET_KEY ??
    (options.nodeEnv === 'test' && !env.SECRET_KEY_FILE
      ? Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url')
      : developmentSecret(absolute(options.root, c.SECRET_KEY_FILE)));
  return {
    ...c,
    secret: Buffer.from(secretText, 'utf8'),
    mailTransport: c.MAIL_TRANSPORT ?? (production ? 'smtp' : 'mailbox'),
    mailboxPath: absolute(options.root, c.MAILBOX_DIR),
    cookieSecure: c.COOKIE_SECURE ? c.COOKIE_SECURE === 'on' : production || (options.publicUrl ?? '').startsWith('https:'),
    smsProvider: c.SMS_PROVIDER ?? (production ? 'none' : 'log'),
    production,
  };
}
