import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingClock } from '../test-support/clock';
import { serveBody, startTestServer, type TestServer } from '../test-support/http-server';
import { fixture } from '../test-support/real-data';
import { HttpFetchError } from './errors';
import { DEFAULT_USER_AGENT, PoliteHttpClient, type PoliteClientOptions } from './polite-client';
import { ValidatorCache } from './validators';

const page = fixture('dyn-17-scrutins-8433.html');
let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'polite-client-'));
  server = await startTestServer({
    '/robots.txt': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nDisallow: /private/\n`);
    },
    '/dyn/17/scrutins/8433': serveBody(page, 'text/html; charset=utf-8'),
    '/flaky': (_req, res, hit) => {
      if (hit === 1) res.writeHead(500).end('boom');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok after a 500');
    },
    '/limited': (_req, res, hit) => {
      if (hit === 1) res.writeHead(429, { 'retry-after': '2' }).end('slow down');
      else res.writeHead(200).end('ok after a 429');
    },
    '/slow': (_req, res, hit) => {
      if (hit === 1) setTimeout(() => res.writeHead(200).end('too late'), 1500);
      else res.writeHead(200).end('fast enough');
    },
    '/always-down': (_req, res) => void res.writeHead(503).end(),
    '/gone': (_req, res) => void res.writeHead(404).end(),
    '/private/x': (_req, res) => void res.writeHead(200).end('secret'),
    '/truncated.zip': (_req, res, hit) => {
      res.writeHead(200, { 'content-length': 1000 });
      if (hit === 1) res.end(Buffer.alloc(10), () => res.socket?.destroy());
      else res.end(Buffer.alloc(1000, 7));
    },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (extra: PoliteClientOptions = {}) =>
  new PoliteHttpClient({ clock: recordingClock(), minIntervalMs: 1000, backoffBaseMs: 100, timeoutMs: 300, random: () => 1, ...extra });

describe('the polite HTTP client', () => {
  it('introduces itself with the project name and address, and reads robots.txt first', async () => {
    const before = server.requests.length;
    const res = await client().getText(`${server.url}/dyn/17/scrutins/8433`);
    expect(res.status === 200 && res.text).toBe(page);
    const sent = server.requests.slice(before);
    expect(sent.map((r) => r.path)).toEqual(['/robots.txt', '/dyn/17/scrutins/8433']);
    expect(sent.every((r) => r.headers['user-agent'] === DEFAULT_USER_AGENT)).toBe(true);
    expect(DEFAULT_USER_AGENT).toMatch(/^MaVoix-Parallele\/[\d.]+ \(\+https:\/\//);
  });

  it('waits one second between two requests to the same host by default', async () => {
    const clock = recordingClock();
    const c = new PoliteHttpClient({ clock });
    await c.getText(`${server.url}/dyn/17/scrutins/8433`);
    await c.getText(`${server.url}/dyn/17/scrutins/8433`);
    // robots.txt, then two pages: two waits of (almost exactly) 1 s.
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps.every((ms) => ms > 900 && ms <= 1000)).toBe(true);
  });

  it('refuses a path robots.txt disallows, without requesting it', async () => {
    const before = server.hits('/private/x');
    await expect(client().getText(`${server.url}/private/x`)).rejects.toMatchObject({ code: 'robots_disallowed' });
    expect(server.hits('/private/x')).toBe(before);
  });

  it('retries a 500 with backoff and returns the success', async () => {
    const clock = recordingClock();
    const res = await client({ clock }).getText(`${server.url}/flaky`);
    expect(res.status === 200 && res.text).toBe('ok after a 500');
    expect(server.hits('/flaky')).toBe(2);
    expect(clock.sleeps).toContain(100);
  });

  it('waits what Retry-After asks on a 429, then succeeds', async () => {
    const clock = recordingClock();
    const res = await client({ clock }).getText(`${server.url}/limited`);
    expect(res.status === 200 && res.text).toBe('ok after a 429');
    expect(clock.sleeps).toContain(2000);
  });

  it('abandons a response slower than the timeout and retries', async () => {
    const events: string[] = [];
    const res = await client({ onEvent: (e) => e.type === 'retry' && events.push(e.reason) }).getText(`${server.url}/slow`);
    expect(res.status === 200 && res.text).toBe('fast enough');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/timeout/i);
  });

  it('gives up after its retries with an error naming the URL, the status and the attempts', async () => {
    const err = await client({ retries: 2 }).getText(`${server.url}/always-down`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpFetchError);
    expect(err).toMatchObject({ status: 503, attempts: 3, code: 'http_status' });
    expect((err as Error).message).toBe(`${server.url}/always-down: HTTP 503 (gave up after 3 attempts)`);
  });

  it('does not retry a 404', async () => {
    await expect(client().getText(`${server.url}/gone`)).rejects.toMatchObject({ status: 404, attempts: 1 });
    expect(server.hits('/gone')).toBe(1);
  });

  it('sends the stored ETag and gets a 304 for an unchanged resource', async () => {
    const file = join(dir, 'validators.json');
    const url = `${server.url}/dyn/17/scrutins/8433`;
    const first = await client({ validators: new ValidatorCache(file) }).getText(url, { conditional: true });
    expect(first.status).toBe(200);
    // A new client (a new run of the CLI) reads the validators back from the file.
    const second = await client({ validators: new ValidatorCache(file) }).getText(url, { conditional: true });
    expect(second.status).toBe(304);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(`"${Buffer.byteLength(page)}"`);
  });

  it('never leaves a truncated download in place: it retries and keeps only the whole file', async () => {
    const dest = join(dir, 'raw', 'archive.zip');
    const res = await client().getFile(`${server.url}/truncated.zip`, dest);
    expect(res.status).toBe(200);
    expect(readFileSync(dest).equals(Buffer.alloc(1000, 7))).toBe(true);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(server.hits('/truncated.zip')).toBe(2);
  });
});
