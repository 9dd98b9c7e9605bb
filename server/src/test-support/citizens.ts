import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import type { Scrutin } from '@parallele/core';
import { parseScrutin } from '@parallele/core';
import { REPO_ROOT, testConfig } from '../config';
import { openStore, type Db } from '../db/client';
import { upsertScrutins } from '../db/an-store';
import { buildAppDeps } from '../boot';
import type { AppDeps } from '../deps';
import { silentLogger, type Logger } from '../logger';
import { startServer, type RunningServer } from '../server';
import { openTestStore } from './store';

/**
 * Test support of the citizens' side: a real store (SQLite in a temp dir, or PostgreSQL: see store.ts) holding real scrutins
 * (the bundled L16 samples, parsed by core's parser), the real server on port 0, and helpers
 * that go through the real flows (register → mailbox → verify → login).
 */

/** Real scrutins from the bundled L16 samples (the first `count`). */
export function realScrutins(count: number): Scrutin[] {
  const text = gunzipSync(readFileSync(join(REPO_ROOT, 'data/opendata/scrutins/VTANR5L16-samples.ndjson.gz'))).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, count)
    .map((line, i) => parseScrutin(JSON.parse(line), `VTANR5L16-samples.ndjson.gz:${i + 1}`));
}

/** The citizens' services a test drives directly (the app's deps: accounts, votes, moderation, mailer…). */
export type Citizens = AppDeps;

const definedOnly = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));

export interface CitizensTestServer {
  dir: string;
  mailbox: string;
  db: Db;
  deps: AppDeps;
  citizens: Citizens;
  server: RunningServer;
  url: string;
  scrutinUids: string[];
  /** the clock the app reads; tests move it */
  clock: { now: number };
  close(): Promise<void>;
}

/** Fast password hashing (tests only), generous rate limits unless a test overrides them. */
export const TEST_ENV: Record<string, string> = {
  SCRYPT_LOG_N: '10',
  SCRYPT_P: '1',
  DETECTOR_INTERVAL_S: '0',
  RATE_AUTH_PER_IP: '100000',
  RATE_REGISTER_PER_IP: '100000',
  RATE_LOGIN_PER_IP: '100000',
  RATE_LOGIN_FAILURES_PER_ACCOUNT: '100000',
  RATE_VERIFY_PER_IP: '100000',
  RATE_VOTES_PER_IP: '1000000',
  VOTES_SYNCHRONOUS: 'NORMAL',
};

export async function startCitizensTestServer(options: { env?: Record<string, string>; scrutins?: number; logger?: Logger } = {}): Promise<CitizensTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-citizens-'));
  const mailbox = join(dir, 'mailbox');
  const store = await openTestStore(join(dir, 'test.db'));
  const { db } = store;
  const scrutins = realScrutins(options.scrutins ?? 3);
  await upsertScrutins(db, scrutins);
  const clock = { now: Date.now() };
  const config = testConfig({ HOST: '127.0.0.1', MAILBOX_DIR: mailbox, ...TEST_ENV, ...options.env });
  const deps = buildAppDeps({ config, logger: options.logger ?? silentLogger(), db, now: () => new Date(clock.now) });
  const citizens = deps;
  const server = await startServer(deps, 0, '127.0.0.1');
  return {
    dir, mailbox, db, deps, citizens, server, url: server.url, scrutinUids: scrutins.map((s) => s.uid), clock,
    async close() {
      await server.close();
      await citizens.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface MailFile {
  to: string;
  subject: string;
  text: string;
}

/** Every mail of the development mailbox sent to `to`, oldest first (the files nodemailer wrote). */
export function mailsTo(mailbox: string, to: string): MailFile[] {
  let names: string[] = [];
  try {
    names = readdirSync(mailbox).sort();
  } catch {
    return [];
  }
  const safe = to.trim().toLowerCase().replace(/[^a-z0-9@._-]/gi, '_');
  return names
    .filter((n) => n.endsWith(`-${safe}.json`))
    .map((n) => JSON.parse(readFileSync(join(mailbox, n), 'utf8')) as { to: unknown; subject: string; text: string })
    .map((m) => ({ to, subject: m.subject, text: m.text }));
}

/** The six-digit code and the link token of the latest mail to `to`. */
export async function latestCode(citizens: Citizens, mailbox: string, to: string): Promise<{ code: string; token: string; mail: MailFile }> {
  await citizens.mailer.idle();
  const mail = mailsTo(mailbox, to).at(-1);
  if (!mail) throw new Error(`no mail to ${to} in ${mailbox}`);
  const code = /(\d{6})/.exec(mail.text)?.[1];
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!code || !token) throw new Error(`no code or link in the mail to ${to}: ${mail.text}`);
  return { code, token, mail };
}

/** A signed-in HTTP client: a cookie-keeping agent and the CSRF token to send on writes. */
export interface SignedIn {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  email: string;
  voterId: string;
}

/** The whole HTTP flow: CSRF token, register, read the mailbox, verify by code, log in. */
export async function signUpOverHttp(t: CitizensTestServer, email: string, password = 'correct horse battery staple'): Promise<SignedIn> {
  const agent = request.agent(t.url);
  const { body } = await agent.get('/api/auth/csrf').expect(200);
  const anon = (body as { csrfToken: string }).csrfToken;
  await agent.post('/api/auth/register').set('x-csrf-token', anon).send({ email, password }).expect(202);
  const { code } = await latestCode(t.citizens, t.mailbox, email.trim().toLowerCase());
  await agent.post('/api/auth/verify-email').set('x-csrf-token', anon).send({ email, code }).expect(200);
  const login = await agent.post('/api/auth/login').set('x-csrf-token', anon).send({ email, password }).expect(200);
  const session = login.body as { csrfToken: string; me: { voterId: string } };
  return { agent, csrf: session.csrfToken, email, voterId: session.me.voterId };
}

/**
 * Many verified accounts fast, through the service layer (validation, hashing, the mailed code):
 * returns each account's session token. `ip` feeds the registration network.
 */
export async function registerVerified(citizens: Citizens, mailbox: string, email: string, ip: string | null, password = 'correct horse battery staple') {
  await citizens.accounts.register({ email, password }, ip);
  const { code } = await latestCode(citizens, mailbox, email);
  await citizens.accounts.verifyEmail({ email, code });
  const session = await citizens.accounts.login(email, password);
  const citizen = (await citizens.accounts.resolveSession(session.token))!;
  return { token: session.token, citizen };
}

export const createVerifiedCitizen = (t: CitizensTestServer, email: string, ip: string | null, password?: string) =>
  registerVerified(t.citizens, t.mailbox, email, ip, password);

/**
 * A store file with real scrutins and `count` verified citizens with live sessions, prepared
 * before a server process starts on it (durability test, vote benchmark).
 */
export async function seedStore(dbFile: string, env: Record<string, string | undefined>, count: number, scrutinCount = 3) {
  const db = await openStore(`file:${dbFile}`);
  try {
    const scrutins = realScrutins(scrutinCount);
    await upsertScrutins(db, scrutins);
    const citizens = buildAppDeps({ config: testConfig(definedOnly({ ...env, NODE_ENV: 'test', DETECTOR_INTERVAL_S: '0' })), logger: silentLogger(), db });
    const mailbox = citizens.config.mailboxPath;
    const sessions: string[] = [];
    for (let i = 0; i < count; i++) {
      sessions.push((await registerVerified(citizens, mailbox, `voter${i}@example.org`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)).token);
    }
    await citizens.close();
    return { scrutinUids: scrutins.map((s) => s.uid), sessions };
  } finally {
    await db.close();
  }
}
