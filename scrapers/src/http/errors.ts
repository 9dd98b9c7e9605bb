/** A request that failed for good: after its retries, or refused by robots.txt. Names the URL. */
export class HttpFetchError extends Error {
  readonly url: string;
  readonly status: number | null;
  readonly attempts: number;
  readonly code: 'http_status' | 'network' | 'timeout' | 'robots_disallowed' | 'truncated';

  constructor(url: string, code: HttpFetchError['code'], detail: string, opts: { status?: number | null; attempts?: number; cause?: unknown } = {}) {
    super(`${url}: ${detail}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HttpFetchError';
    this.url = url;
    this.code = code;
    this.status = opts.status ?? null;
    this.attempts = opts.attempts ?? 1;
  }
}
