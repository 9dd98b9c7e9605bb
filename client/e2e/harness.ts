import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The e2e harness: the real server (a child process, as `npm run serve` runs it) on a free port
 * with a temp SQLite store that it fills with the bundled open data at start, its development
 * mailbox in the same temp dir, and Debian's Chromium driven by playwright-core.
 */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(REPO, 'client/e2e/screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is missing: run `apt-get install -y chromium`');
}

export function requireBuiltClient(): void {
  if (!existsSync(join(REPO, 'client/dist/index.html'))) throw new Error('The client is not built: run `npm run build -w client` first (npm run test:e2e does it)');
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface TestServer {
  url: string;
  dataDir: string;
  mailbox: string;
  /** everything the server wrote so far (the development SMS provider logs its codes there) */
  output: () => string;
  /** stops the server and deletes its data, unless keepData (a restart on the same store follows) */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

export async function startServer(options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parallele-e2e-'));
  const mailbox = join(dataDir, 'mailbox');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      // the gallery warm-up would compete with the tests for the CPU
      WARM_SCENARIOS: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`,
      MAILBOX_DIR: mailbox,
      SECRET_KEY_FILE: join(dataDir, 'secret.key'),
      // info: the development SMS provider logs the code it "sends" at this level
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // The first start imports the bundled open data into the empty store: allow it time.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 240_000) throw new Error(`The server did not answer within 240 s:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    dataDir,
    mailbox,
    output: () => output,
    async stop(stopOptions: { keepData?: boolean } = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            r(null);
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            r(null);
          });
        });
      }
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The six-digit code of the latest verification mail sent to `email` (development mailbox). */
export function verificationCode(mailbox: string, email: string): string {
  const files = existsSync(mailbox) ? readdirSync(mailbox).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files.reverse()) {
    const raw = readFileSync(join(mailbox, f), 'utf8');
    if (!raw.includes(email)) continue;
    const mail = JSON.parse(raw) as { text?: string; subject?: string };
    const code = /(\d{6})/.exec(mail.text ?? raw)?.[1];
    if (code) return code;
  }
  throw new Error(`No verification mail for ${email} in ${mailbox} (${files.length} mails)`);
}

/** Width and height of a PNG, or an error if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG (bad signature)');
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('not a PNG (no IHDR chunk first)');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The latest mail to `email` whose subject matches `subject` (development mailbox), or null. */
export function latestMail(mailbox: string, email: string, subject: RegExp): { subject: string; text: string } | null {
  const files = existsSync(mailbox) ? readdirSync(mailbox).filter((f) => f.endsWith('.json')).sort().reverse() : [];
  for (const f of files) {
    const raw = readFileSync(join(mailbox, f), 'utf8');
    if (!raw.includes(email)) continue;
    const mail = JSON.parse(raw) as { text?: string; subject?: string };
    if (subject.test(mail.subject ?? '')) return { subject: mail.subject ?? '', text: mail.text ?? '' };
  }
  return null;
}

/** The six-digit code and the link of a password-reset mail. */
export function resetCodeAndLink(mail: { text: string }): { code: string; link: string } {
  const code = /mot de passe : (\d{6})/.exec(mail.text.replace(/\u00a0/g, ' '))?.[1];
  const link = /(https?:\/\/\S+\/reinitialiser\?token=[A-Za-z0-9_%-]+)/.exec(mail.text)?.[1];
  if (!code || !link) throw new Error(`no reset code or link in the mail:\n${mail.text}`);
  return { code, link };
}

/**
 * A citizen set up over HTTP (register → mailbox code → verify → login), for tests whose subject
 * comes after that. Returns a fetch that carries the session and CSRF cookies and header.
 */
export async function signUpOverHttp(server: TestServer, email: string, password: string): Promise<(path: string, init?: { method?: string; body?: unknown }) => Promise<Response>> {
  const jar = new Map<string, string>();
  let csrf = '';
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(server.url + path, {
      method: init.method ?? 'GET',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': csrf,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  };
  const expectOk = async (res: Promise<Response>, what: string) => {
    const r = await res;
    if (!r.ok) throw new Error(`${what}: HTTP ${r.status} ${await r.text()}`);
    return r;
  };
  csrf = ((await (await expectOk(call('/api/auth/csrf'), 'csrf')).json()) as { csrfToken: string }).csrfToken;
  await expectOk(call('/api/auth/register', { method: 'POST', body: { email, password } }), 'register');
  let code: string | null = null;
  for (let i = 0; i < 100 && !code; i++) {
    try {
      code = verificationCode(server.mailbox, email);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!code) throw new Error(`no verification mail for ${email}`);
  await expectOk(call('/api/auth/verify-email', { method: 'POST', body: { email, code } }), 'verify');
  const session = await expectOk(call('/api/auth/login', { method: 'POST', body: { email, password } }), 'login');
  csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  return call;
}

/** Waits for a value to match, as a user would (the first leverage computation takes seconds). */
export const eventually = <T>(read: () => Promise<T> | T, timeout = 30_000) => expect.poll(read, { timeout, interval: 100 });

/** The number in a text such as `1 234 votes`. */
export const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

/** A new tab of `context` on `path` of the test server. */
export async function openPage(context: BrowserContext, server: TestServer, path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(server.url + path);
  return page;
}

/** A full-page screenshot in client/e2e/screenshots. */
export async function shoot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Submits the account page's login form (the result is the caller's to check). */
export async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Opens the account page's sign-up form and submits it (the mailed code is the caller's). */
export async function signUpInPage(page: Page, email: string, password: string) {
  await page.getByRole('button', { name: 'Créer un compte' }).click();
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Créer un compte' }).click();
}
