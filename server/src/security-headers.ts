import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers, computed ONCE. helmet() chains a dozen middlewares per request (one closure
 * call and one setHeader each, the CSP string rebuilt every time): about a fifth of the CPU of a
 * cheap request in the votes bench. Our policies are static (no per-request nonce), so we run
 * helmet once against a recording response and replay what it set. Same headers, byte for byte
 * (security-headers.test.ts compares them with helmet's own middleware).
 */
export function precomputedHeaders(options: Readonly<HelmetOptions>): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    },
    removeHeader() {
      // X-Powered-By: the app disables it (app.disable('x-powered-by')).
    },
  };
  let failed: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw new Error(`helmet options rejected: ${String(failed)}`);
  return headers;
}

/** Middleware setting the precomputed headers: `pick(path)` chooses a header set (page or embed). */
export function securityHeaders(sets: ReadonlyArray<ReadonlyArray<[string, string]>>, pick: (path: string) => number): RequestHandler {
  return (req, res, next) => {
    const set = sets[pick(req.path)] ?? sets[0]!;
    for (let i = 0; i < set.length; i++) res.setHeader(set[i]![0], set[i]![1]);
    res.removeHeader('X-Powered-By');
    next();
  };
}
