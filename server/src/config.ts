import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { VERIFICATION_LEVELS } from '@parallele/core';
import { AppError } from './errors';

/**
 * Server configuration, read from the environment once at start and validated with zod. A bad
 * environment fails the start with ONE error listing every bad variable (not the first one only).
 *
 * To add a setting: add a field to `configSchema` below (env name as key, with its default and a
 * comment saying why). `Config` follows; read it as `deps.config.MY_SETTING`. Empty strings count
 * as unset, so `FOO=` in a compose file means "use the default".
 *
 * HOST defaults to 127.0.0.1: `npm start` on a laptop should not expose a dev store to the LAN.
 * Containers and deployments set HOST=0.0.0.0 explicitly (with a reverse proxy and TRUST_PROXY).
 */

/** The repository root (server/src/config.ts → ../..): relative paths resolve from here, not cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `file:data/x.db`, `file:/abs/x.db`, a bare path, or `:memory:` → an absolute path or `:memory:`. */
export function resolveSqlitePath(url: string, root = REPO_ROOT): string {
  const raw = url.startsWith('file:') ? url.slice('file:'.length).replace(/^\/\/(?=\/)/, '') : url;
  if (raw === ':memory:') return raw;
  return isAbsolute(raw) ? raw : resolve(root, raw);
}

/** `postgres://` or `postgresql://`: the PostgreSQL store; anything else is a SQLite file. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** A store URL as it may be logged: `scheme://user:password@…` without the password. */
export const redactUrl = (url: string) => url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^/]*@/i, '$1@');

/** express's `trust proxy`: true/false, a hop count, or a comma list of addresses/subnets. */
const trustProxySchema = z.string().transform((value, ctx): boolean | number | string => {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const items = v.split(',').map((item) => item.trim());
  const isAddress = (item: string) => /^(loopback|linklocal|uniquelocal)$/.test(item) || /^[0-9a-f.:]+(\/\d{1,3})?$/.test(item);
  if (items.every(isAddress)) return items.join(', ');
  ctx.addIssue({ code: 'custom', message: 'expected true, false, a hop count or a list of addresses' });
  return z.NEVER;
});

const onOff = z.enum(['on', 'off']);
const level = z.enum(VERIFICATION_LEVELS);

/** The citizens' side: accounts, votes, moderation (secret, mail, limits). */
const citizensSchema = {
  /** Server secret (≥ 32 characters): pseudonyms, CSRF tokens, code MACs. Required in production. */
  SECRET_KEY: z.string().min(32, 'at least 32 characters').optional(),
  /**
   * Where a development secret is generated on first start (never committed: data/ is ignored).
   * Unset under NODE_ENV=test: a throw-away secret, nothing written.
   */
  SECRET_KEY_FILE: z.string().min(1).optional(),
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
  // Per action (issue 10, point 7; see http/auth-limits.ts):
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
};

/**
 * Workshop rooms (issue 12): rate limits per IP and per room token. A class behind one school NAT
 * shares an IP, so the per-IP limits are wide (200 phones must be able to join and play); the
 * per-token limit is what slows down a flooding device. `off`: bench and load tests.
 */
const roomsSchema = {
  ROOMS_RATE_LIMITS: onOff.default('on'),
  /** any room request, per IP and minute */
  ROOMS_REQUESTS_PER_IP: z.coerce.number().int().min(1).default(3000),
  /** joins (and room creations) per IP and 10 minutes */
  ROOMS_JOINS_PER_IP: z.coerce.number().int().min(1).default(400),
  /** votes and actions per room token and minute (HTTP and socket.io) */
  ROOMS_ACTIONS_PER_TOKEN: z.coerce.number().int().min(1).default(60),
};

/**
 * "Coûts et capacité" (issue 14): the capacity report saved by `npm run bench -- scale --save`,
 * and the hosting prices the page turns it into a cost per 1,000 active voters with. Default
 * prices: the order of magnitude of general-purpose instances at European clouds in 2025
 * (a 2 vCPU / 8 GB instance ≈ 40 €/month; SSD block storage ≈ 0.10 €/GB-month). Set yours.
 */
const capacitySchema = {
  /** the JSON file of `npm run bench -- scale --save <file>`; relative to the repo root */
  CAPACITY_FILE: z.string().min(1).default('data/capacity/scale-report.json'),
  /** ISO 4217 code of the prices below */
  PRICE_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR').default('EUR'),
  PRICE_VCPU_MONTH: z.coerce.number().nonnegative().default(10),
  PRICE_MEMORY_GB_MONTH: z.coerce.number().nonnegative().default(2.5),
  PRICE_STORAGE_GB_MONTH: z.coerce.number().nonnegative().default(0.1),
  /** servers are sized for the busiest hour, not the mean: peak vote rate / mean vote rate */
  COST_PEAK_FACTOR: z.coerce.number().min(1).max(10_000).default(20),
  /** votes per active voter and month, when the store has no voter in the last 30 days to measure it */
  COST_VOTES_PER_VOTER_MONTH: z.coerce.number().positive().default(20),
};

export const configSchema = z.object({
  ...citizensSchema,
  ...roomsSchema,
  ...capacitySchema,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * The store: a `file:` URL or path of a SQLite file (relative paths are relative to the repo
   * root), or a `postgres://user:password@host:port/database` URL (PostgreSQL, several servers).
   */
  DATABASE_URL: z
    .string()
    .default('file:data/parallele.db')
    .refine((u) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(u) || u.startsWith('file:') || isPostgresUrl(u), {
      message: 'expected a file: URL or path of a SQLite file, or a postgres:// (postgresql://) URL',
    }),
  /** Unset: info, or silent under NODE_ENV=test so test output stays readable. */
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  /**
   * Access log: `all` = a line per request at info; `errors` = 4xx/5xx only, 2xx/3xx at debug
   * (a busy vote day writes a line per vote otherwise). See access-log.ts.
   */
  LOG_REQUESTS: z.enum(['all', 'errors']).default('all'),
  /** Where users reach the app (links in mails, CORS-free absolute URLs). Unset: http://HOST:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: trustProxySchema.default(false),
  /** Other origins whose pages may open the socket (comma list); the app's own origin always may. */
  SOCKET_ALLOWED_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ })))
    .default([]),
  /** The built client (Vite output). Served with an SPA fallback when its index.html exists. */
  CLIENT_DIST: z.string().min(1).default('client/dist'),
  /** JSON bodies are small (votes, forms); a cap bounds what a client can make us parse. */
  JSON_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 100kb').default('100kb'),
  /** Raw downloads (raw/) and quarantined pages or files (quarantine/) of the AN sync; relative to the repo root. */
  DATA_DIR: z.string().min(1).default('data'),
  /** Minutes between two scheduled syncs (open data, then pages). 0 (the default): no schedule. */
  SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(0),
  /** Heap limit (MB) of the child process each scheduled sync runs in: what it reads cannot take the server down. */
  SYNC_MEMORY_LIMIT_MB: z.coerce.number().int().min(32).max(16_384).default(1024),
  /** The legislature the scheduled sync keeps up to date. */
  SYNC_LEGISLATURE: z.coerce.number().int().min(1).max(99).default(17),
  /** The AN open-data repository (`{base}/{legislature}/loi/scrutins/Scrutins.json.zip`…); a mirror may replace it. */
  AN_OPENDATA_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://data.assemblee-nationale.fr/static/openData/repository'),
  /** The AN web site, for the scrutin pages newer than the last export. */
  AN_SITE_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://www.assemblee-nationale.fr'),
  /** Politeness: minimum ms between two requests to one host (the AN: at most 1 per second). */
  SCRAPER_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** A request with no byte for this long is abandoned (and retried). */
  SCRAPER_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /**
   * Compute the scenario gallery in the background once the server listens (never under
   * NODE_ENV=test): otherwise the first visitor on a fresh store waits 5–8 s for it.
   */
  WARM_SCENARIOS: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .default(true),
  /** Seconds between two runs of the platform job (open / freeze / link questions, send alert digests). */
  PLATFORM_JOB_INTERVAL_S: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * Replay an instant (issue 13): `2025-11-18T12:00:00+01:00` makes the whole server run as from
   * then (deps.now starts there and moves on), so a demo or a test can vote on the bundled agenda.
   */
  AS_OF: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 time with its offset, e.g. 2025-11-18T12:00:00+01:00' }).optional(),
  // issue 14: several processes (cluster/, deploy/README.md)
  /**
   * `redis://…` or `rediss://…`: what several processes share (socket.io's streams adapter, rate
   * limits, domain events, the scheduled jobs' leader lock). Unset: one process, all in memory.
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'expected a redis:// or rediss:// URL' }).optional(),
  /** Prefix of every Redis key of this deployment: two deployments (or two tests) can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'letters, digits and : _ . - (at most 64)').default('parallele:'),
});

export type ConfigEnv = z.infer<typeof configSchema>;

export type Config = Omit<ConfigEnv, 'MAIL_TRANSPORT' | 'COOKIE_SECURE' | 'SMS_PROVIDER'> & {
  /** Absolute SQLite path (or `:memory:`) resolved from DATABASE_URL; a PostgreSQL URL without its password. */
  databasePath: string;
  /** Absolute path of CLIENT_DIST. */
  clientDistPath: string;
  /** Whether clientDistPath holds a built client (index.html). */
  clientBuilt: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  version: string;
  production: boolean;
  mailTransport: 'mailbox' | 'smtp';
  /** Absolute path of MAILBOX_DIR. */
  mailboxPath: string;
  cookieSecure: boolean;
  smsProvider: 'log' | 'none';
};

/** Development conveniences refused in production, as `KEY: why` lines. */
function productionProblems(c: ConfigEnv): { param: string; detail: string }[] {
  if (c.NODE_ENV !== 'production') return [];
  const problems: { param: string; detail: string }[] = [];
  if (!c.SECRET_KEY) problems.push({ param: 'SECRET_KEY', detail: 'required in production' });
  if ((c.MAIL_TRANSPORT ?? 'smtp') === 'smtp' && !c.SMTP_URL) problems.push({ param: 'SMTP_URL', detail: 'required in production' });
  if (c.SMS_PROVIDER === 'log') problems.push({ param: 'SMS_PROVIDER', detail: 'the logging provider is for development only' });
  return problems;
}

export interface LoadConfigOptions {
  /**
   * false for the tools that neither serve nor manage citizens (import, scrape, simulate,
   * leverage, verify-log): the production-only requirements (SECRET_KEY, SMTP_URL) are the
   * server's, not theirs. Every variable is still validated.
   */
  citizens?: boolean;
}

/** Reads and validates the configuration; throws one AppError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, version = '0.0.0', options: LoadConfigOptions = {}): Config {
  // Only the schema's keys: the rest of the environment is none of our business (nor the log's).
  const picked: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = configSchema.safeParse(picked);
  const errors = parsed.success
    ? options.citizens === false ? [] : productionProblems(parsed.data)
    : parsed.error.issues.map((issue) => ({ param: String(issue.path[0] ?? '(root)'), detail: issue.message }));
  if (!parsed.success || errors.length > 0) {
    const lines = errors.map(({ param, detail }) => {
      const got = param in picked && !/SECRET/.test(param) ? ` (got ${JSON.stringify(redactUrl(picked[param]!))})` : '';
      return `  ${param}: ${detail}${got}`;
    });
    throw new AppError('config_invalid', `Invalid configuration:\n${lines.join('\n')}`, {
      status: 500,
      title: 'Invalid configuration',
      operational: false,
      extras: { errors },
    });
  }
  const c = parsed.data;
  const clientDistPath = isAbsolute(c.CLIENT_DIST) ? c.CLIENT_DIST : resolve(REPO_ROOT, c.CLIENT_DIST);
  const production = c.NODE_ENV === 'production';
  const { MAIL_TRANSPORT, COOKIE_SECURE, SMS_PROVIDER, ...rest } = c;
  return {
    ...rest,
    production,
    mailTransport: MAIL_TRANSPORT ?? (production ? 'smtp' : 'mailbox'),
    mailboxPath: isAbsolute(c.MAILBOX_DIR) ? c.MAILBOX_DIR : resolve(REPO_ROOT, c.MAILBOX_DIR),
    // Secure cookies and HSTS follow this one value (issue 10, point 15).
    cookieSecure: COOKIE_SECURE ? COOKIE_SECURE === 'on' : production || (c.PUBLIC_URL ?? '').startsWith('https:'),
    smsProvider: SMS_PROVIDER ?? (production ? 'none' : 'log'),
    databasePath: isPostgresUrl(c.DATABASE_URL) ? redactUrl(c.DATABASE_URL) : resolveSqlitePath(c.DATABASE_URL),
    clientDistPath,
    clientBuilt: existsSync(resolve(clientDistPath, 'index.html')),
    logLevel: c.LOG_LEVEL ?? (c.NODE_ENV === 'test' ? 'silent' : 'info'),
    version,
  };
}

/** A config for tests: defaults + overrides, never read from the process environment. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', ...overrides }, 'test');
}
