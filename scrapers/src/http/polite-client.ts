import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import robotsParser from 'robots-parser';
import { systemClock, type Clock } from './clock';
import { HttpFetchError } from './errors';
import { RateLimiter, backoffDelay, isRetryableStatus, parseRetryAfter } from './politeness';
import { ValidatorCache, type ValidatorStore, type Validators } from './validators';

/** The project, and where to reach its maintainers, as every request introduces itself. */
export const DEFAULT_USER_AGENT = 'MaVoix-Parallele/0.1 (+https://github.com/mavoix/parallele)';

export interface PoliteClientOptions {
  userAgent?: string;
  /** Minimum spacing between two requests to one host; default 1000 ms (1 request/s). */
  minIntervalMs?: number;
  /** Socket inactivity timeout (no byte for that long): default 30 s. */
  timeoutMs?: number;
  /** Overall limit for one attempt, body included: default 10 min (archives are tens of MB). */
  deadlineMs?: number;
  /** Retries after the first attempt, on network errors, timeouts, 408, 429 and 5xx: default 4. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails (default 10 min). */
  maxRetryAfterMs?: number;
  /** Default true. Only tests of other things may turn it off. */
  respectRobots?: boolean;
  clock?: Clock;
  random?: () => number;
  validators?: ValidatorStore;
  /** One line per request outcome, for the CLI's log. */
  onEvent?: (event: HttpEvent) => void;
}

export type HttpEvent =
  | { type: 'request'; url: string; attempt: number }
  | { type: 'retry'; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'response'; url: string; status: number; bytes: number | null };

export interface FetchOptions {
  /** Send the stored ETag / Last-Modified: a 304 means "what you have is current". */
  conditional?: boolean;
}

export type TextResult = { status: 200; text: string; validators: Validators } | { status: 304 };
export type FileResult = { status: 200; path: string; bytes: number; validators: Validators } | { status: 304 };

type Body = 'text' | 'stream';

/**
 * The only way the scrapers talk to the network: one request per second per host, robots.txt
 * obeyed, a User-Agent naming the project, timeouts, retries with exponential backoff (honouring
 * Retry-After) and conditional requests. Non-retryable statuses (404, 403…) fail at once.
 */
export class PoliteHttpClient {
  readonly userAgent: string;
  private readonly http: AxiosInstance;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly robots = new Map<string, Promise<ReturnType<typeof robotsParser> | null>>();
  readonly validators: ValidatorStore;
  /** Request outcomes (retries above all), for logs; settable after construction. */
  onEvent: ((event: HttpEvent) => void) | undefined;
  private readonly o: Required<Omit<PoliteClientOptions, 'validators' | 'onEvent' | 'clock' | 'random' | 'userAgent'>>;

  constructor(private readonly options: PoliteClientOptions = {}) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.clock = options.clock ?? systemClock;
    this.validators = options.validators ?? new ValidatorCache();
    this.onEvent = options.onEvent;
    this.o = {
      minIntervalMs: options.minIntervalMs ?? 1000,
      timeoutMs: options.timeoutMs ?? 30_000,
      deadlineMs: options.deadlineMs ?? 600_000,
      retries: options.retries ?? 4,
      backoffBaseMs: options.backoffBaseMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? 60_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 600_000,
      respectRobots: options.respectRobots ?? true,
    };
    this.limiter = new RateLimiter(this.o.minIntervalMs, this.clock);
    this.http = axios.create({
      timeout: this.o.timeoutMs,
      maxRedirects: 5,
      decompress: true,
      validateStatus: () => true,
      headers: { 'User-Agent': this.userAgent, 'Accept-Language': 'fr-FR,fr;q=0.9' },
    });
  }

  /** GET a page as UTF-8 text. */
  async getText(url: string, opts: FetchOptions = {}): Promise<TextResult> {
    const res = await this.request(url, 'text', opts);
    if (res.status === 304) return { status: 304 };
    const text = Buffer.from(res.data as ArrayBuffer).toString('utf8');
    const validators = this.remember(url, res);
    return { status: 200, text, validators };
  }

  /**
   * GET a file to `dest` through `dest.part`: the destination only ever holds a complete download
   * (Content-Length checked), so an interrupted transfer never leaves half a file behind.
   */
  async getFile(url: string, dest: string, opts: FetchOptions = {}): Promise<FileResult> {
    const part = `${dest}.part`;
    const res = await this.request(url, 'stream', opts, async (response) => {
      // Created only for a body: a 304 leaves no empty folder behind.
      mkdirSync(dirname(dest), { recursive: true });
      let bytes = 0;
      const stream = response.data as Readable;
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      try {
        await pipeline(stream, createWriteStream(part));
      } catch (cause) {
        rmSync(part, { force: true });
        throw cause;
      }
      const expected = Number(response.headers['content-length'] ?? NaN);
      if (Number.isFinite(expected) && bytes !== expected) {
        rmSync(part, { force: true });
        throw new HttpFetchError(url, 'truncated', `received ${bytes} of ${expected} bytes`);
      }
    });
    if (res.status === 304) return { status: 304 };
    renameSync(part, dest);
    const validators = this.remember(url, res);
    const bytes = Number(res.headers['content-length'] ?? NaN);
    return { status: 200, path: dest, bytes: Number.isFinite(bytes) ? bytes : -1, validators };
  }

  private remember(url: string, res: AxiosResponse): Validators {
    const v: Validators = {};
    const etag = res.headers['etag'];
    const lastModified = res.headers['last-modified'];
    if (typeof etag === 'string') v.etag = etag;
    if (typeof lastModified === 'string') v.lastModified = lastModified;
    this.validators.set(url, v);
    return v;
  }

  private async request(
    url: string,
    body: Body,
    opts: FetchOptions,
    consume?: (res: AxiosResponse) => Promise<void>,
  ): Promise<AxiosResponse> {
    await this.checkRobots(url);
    const host = new URL(url).host;
    const headers: Record<string, string> = {};
    const known = opts.conditional ? this.validators.get(url) : undefined;
    if (known?.etag) headers['If-None-Match'] = known.etag;
    if (known?.lastModified) headers['If-Modified-Since'] = known.lastModified;

    for (let attempt = 1; ; attempt++) {
      await this.limiter.wait(host);
      this.onEvent?.({ type: 'request', url, attempt });
      let res: AxiosResponse | null = null;
      let failure: { reason: string; code: HttpFetchError['code']; cause?: unknown; status?: number } | null = null;
      try {
        const got: AxiosResponse = await this.http.get(url, {
          headers,
          responseType: body === 'text' ? 'arraybuffer' : 'stream',
          signal: AbortSignal.timeout(this.o.deadlineMs),
        });
        res = got;
        if (got.status === 200 && consume) await consume(got);
      } catch (cause) {
        const timeout = cause instanceof AxiosError && (cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT' || cause.code === 'ERR_CANCELED');
        const code = cause instanceof HttpFetchError ? cause.code : timeout ? 'timeout' : 'network';
        failure = { reason: cause instanceof Error ? cause.message : String(cause), code, cause };
        res = null;
      }
      let delay: number | null = null;
      if (res) {
        this.onEvent?.({ type: 'response', url, status: res.status, bytes: Number(res.headers['content-length'] ?? NaN) || null });
        if (res.status === 200) return res;
        if (res.status === 304 && known) {
          drain(res);
          return res;
        }
        if (res.status === 304) {
          failure = { reason: 'unexpected 304 to an unconditional request', code: 'http_status', status: 304 };
        } else if (!isRetryableStatus(res.status)) {
          drain(res);
          throw new HttpFetchError(url, 'http_status', `HTTP ${res.status}`, { status: res.status, attempts: attempt });
        } else {
          drain(res);
          failure = { reason: `HTTP ${res.status}`, code: 'http_status', status: res.status };
          const retryAfter = parseRetryAfter(header(res, 'retry-after'), this.clock.now());
          if (retryAfter !== null) {
            if (retryAfter > this.o.maxRetryAfterMs) {
              throw new HttpFetchError(url, 'http_status', `HTTP ${res.status}, Retry-After ${retryAfter} ms is beyond our limit`, { status: res.status, attempts: attempt });
            }
            delay = retryAfter;
          }
        }
      }
      const f = failure ?? { reason: 'unknown failure', code: 'network' as const };
      if (attempt > this.o.retries) {
        throw new HttpFetchError(url, f.code, `${f.reason} (gave up after ${attempt} attempts)`, { status: f.status ?? null, attempts: attempt, cause: f.cause });
      }
      delay ??= backoffDelay(attempt, { baseMs: this.o.backoffBaseMs, maxMs: this.o.backoffMaxMs, random: this.options.random });
      this.onEvent?.({ type: 'retry', url, attempt, delayMs: delay, reason: f.reason });
      await this.clock.sleep(delay);
    }
  }

  /**
   * robots.txt, fetched once per origin. 404 (or any 4xx): everything allowed. 5xx or unreachable:
   * nothing allowed for this run (RFC 9309 §2.3.1.4), the safe reading for a crawler.
   */
  private async checkRobots(url: string) {
    if (!this.o.respectRobots) return;
    const origin = new URL(url).origin;
    let robots = this.robots.get(origin);
    if (!robots) {
      robots = this.fetchRobots(origin);
      this.robots.set(origin, robots);
    }
    const rules = await robots;
    if (rules === null) throw new HttpFetchError(url, 'robots_disallowed', `${origin}/robots.txt could not be read: not crawling that site`);
    if (rules.isAllowed(url, this.userAgent) === false) {
      throw new HttpFetchError(url, 'robots_disallowed', `disallowed by ${origin}/robots.txt for ${this.userAgent}`);
    }
  }

  private async fetchRobots(origin: string) {
    const robotsUrl = `${origin}/robots.txt`;
    for (let attempt = 1; attempt <= 2; attempt++) {
      await this.limiter.wait(new URL(origin).host);
      try {
        const res = await this.http.get(robotsUrl, { responseType: 'text', transformResponse: (d: unknown) => d });
        if (res.status >= 400 && res.status < 500) return robotsParser(robotsUrl, '');
        if (res.status >= 200 && res.status < 300) {
          const rules = robotsParser(robotsUrl, String(res.data ?? ''));
          const delay = rules.getCrawlDelay(this.userAgent);
          if (delay) this.limiter.slowDownTo(delay * 1000);
          return rules;
        }
      } catch {
        // Network error: one more try, then treat the site as closed for this run.
      }
      await this.clock.sleep(backoffDelay(attempt, { baseMs: this.o.backoffBaseMs, maxMs: this.o.backoffMaxMs, random: this.options.random }));
    }
    return null;
  }
}

function header(res: AxiosResponse, name: string): string | undefined {
  const v: unknown = res.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Free the socket of a response we will not read. */
function drain(res: AxiosResponse) {
  const data = res.data as { resume?: () => void; destroy?: () => void } | undefined;
  data?.destroy?.();
}
