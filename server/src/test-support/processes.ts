import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../config';

/**
 * Test support of issue 14: real server processes (server/src/main.ts through tsx, as `npm run
 * serve` runs it), each on its own port, sharing one store (DATABASE_URL) and one Redis
 * (REDIS_URL, with a key prefix of their own so tests never see each other's keys). `kill -9`,
 * restarts and Redis outages are real too.
 */
export const REDIS_START = 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log';
export const REDIS_INSTALL = `apt-get install -y redis-server && ${REDIS_START}`;

/** Fails (never skips) with the commands that install and start Redis when it does not answer. */
export async function requireRedis(host = '127.0.0.1', port = 6379): Promise<void> {
  const answered = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(2_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
  if (!answered) throw new Error(`No Redis at ${host}:${port}. Install and start it: ${REDIS_INSTALL} (bash .ci/run does it)`);
}

export interface ServerProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** every line it logged (JSON) */
  lines: string[];
  exited: Promise<number | null>;
}

/** What every process of a test shares: fast hashing, generous limits, one secret, one prefix. */
export function clusterEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
    SECRET_KEY: `test-${randomBytes(24).toString('hex')}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `test:${randomBytes(6).toString('hex')}:`,
    SCRYPT_LOG_N: '10',
    SCRYPT_P: '1',
    DETECTOR_INTERVAL_S: '0',
    RATE_AUTH_PER_IP: '100000',
    RATE_REGISTER_PER_IP: '100000',
    RATE_LOGIN_PER_IP: '100000',
    RATE_VERIFY_PER_IP: '100000',
    RATE_VOTES_PER_IP: '1000000',
    RATE_VOTES_PER_ACCOUNT: '100000',
    VOTES_SYNCHRONOUS: 'NORMAL',
    WARM_SCENARIOS: 'false',
    ...overrides,
  };
}

/** Starts one server process and resolves with its URL once it listens (or rejects with its stderr). */
export function startServerProcess(env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not listen within 90 s: ${stderr}`)), 90_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, lines, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${stderr}`));
    });
  });
}

/** N processes on one store and one Redis: the first alone (it migrates an empty store), then the others. */
export async function startServerProcesses(n: number, env: Record<string, string>): Promise<{ servers: ServerProcess[]; stop(): Promise<void> }> {
  const servers: ServerProcess[] = [];
  const stop = async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => Promise.race([s.exited, new Promise((r) => setTimeout(r, 15_000))])));
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  };
  try {
    servers.push(await startServerProcess(env));
    servers.push(...(await Promise.all(Array.from({ length: n - 1 }, () => startServerProcess(env)))));
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers, stop };
}

/** A browser-like client of one process: keeps its cookies, sends the CSRF token on writes. */
export class HttpClient {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(public base: string) {}

  /** the same cookies (the same signed-in browser) against another process */
  on(base: string): HttpClient {
    const other = new HttpClient(base);
    other.cookies = this.cookies;
    other.csrf = this.csrf;
    return other;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookieHeader, 'x-csrf-token': this.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }
}

/** Registers and logs in over HTTP (VOTE_MIN_LEVEL none: no mailed code needed to vote). */
export async function signUp(base: string, email: string, password = 'correct horse battery staple'): Promise<HttpClient> {
  const client = new HttpClient(base);
  const csrf = await client.send('GET', '/api/auth/csrf');
  client.csrf = (csrf.body as { csrfToken: string }).csrfToken;
  const registered = await client.send('POST', '/api/auth/register', { email, password });
  if (registered.status !== 202) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await client.send('POST', '/api/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  client.csrf = (login.body as { csrfToken: string }).csrfToken;
  return client;
}
