import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { InvalidParam } from '@parallele/core';

/**
 * The one error type of the server, rendered as RFC 9457 `application/problem+json`.
 *
 * `operational` errors are expected outcomes (bad input, not found, conflict): their detail is
 * shown to the client and they are logged at info level at most. Anything else (a bug, a DB
 * failure, any non-AppError throw) is a 500 whose detail never leaves the server: it is logged
 * with its stack and the client gets a generic message.
 */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem `type` URIs: a stable URN per code, so clients can switch on it (RFC 9457 §3.1.1). */
export const problemType = (code: string) => `urn:parallele:problem:${code}`;

export interface AppErrorOptions {
  status?: number;
  title?: string;
  operational?: boolean;
  cause?: unknown;
  /** Extension members of the problem document (`param`, `errors`, `retryAfter`…). */
  extras?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly operational: boolean;
  readonly extras: Record<string, unknown>;

  constructor(code: string, detail: string, options: AppErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.status = options.status ?? 500;
    this.title = options.title ?? STATUS_CODES[this.status] ?? 'Error';
    this.operational = options.operational ?? this.status < 500;
    this.extras = options.extras ?? {};
  }

  static badRequest(detail: string, extras?: { param?: string } & Record<string, unknown>) {
    return new AppError('bad_request', detail, { status: 400, extras });
  }
  static unauthorized(detail = 'Authentication required', extras?: Record<string, unknown>) {
    return new AppError('unauthorized', detail, { status: 401, extras });
  }
  static forbidden(detail = 'Forbidden', extras?: Record<string, unknown>) {
    return new AppError('forbidden', detail, { status: 403, extras });
  }
  static notFound(detail: string, extras?: Record<string, unknown>) {
    return new AppError('not_found', detail, { status: 404, extras });
  }
  static conflict(detail: string, extras?: Record<string, unknown>) {
    return new AppError('conflict', detail, { status: 409, extras });
  }
  static tooManyRequests(detail = 'Too many requests', extras?: Record<string, unknown>) {
    return new AppError('too_many_requests', detail, { status: 429, extras });
  }
  /** A bug or an infrastructure failure: logged with its cause, shown to nobody. */
  static internal(detail: string, cause?: unknown) {
    return new AppError('internal', detail, { status: 500, operational: false, cause });
  }

  /**
   * A zod failure on a request part → 400 naming every bad parameter (`param` = the first). Query
   * and path parameters are named by their top-level key (`type`, not `type[1]`); unknown keys
   * are reported one by one.
   */
  static fromZod(error: z.ZodError, where: InvalidParam['in']) {
    const flat = where === 'query' || where === 'params' || where === 'headers' || where === 'cookies';
    const errors: InvalidParam[] = error.issues.flatMap((issue): InvalidParam[] => {
      const base = flat ? issue.path.slice(0, 1) : issue.path;
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ param: formatPath([...base, key]), in: where, detail: 'unknown parameter' }));
      }
      const param = formatPath(base) || where;
      // Contract messages sometimes repeat the name ("uid: 1-64 letters…"): say it once.
      const detail = issue.message.startsWith(`${param}: `) ? issue.message.slice(param.length + 2) : issue.message;
      return [{ param, in: where, detail }];
    });
    const first = errors[0];
    const detail = errors.map((e) => `${e.param}: ${e.detail}`).join('; ');
    return new AppError('invalid_request', `Invalid ${where}: ${detail}`, {
      status: 400,
      title: 'Invalid request',
      extras: { param: first?.param, errors },
    });
  }
}

/** `['items', 0, 'id']` → `items[0].id` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

type RequestPart = 'query' | 'params' | 'body';

/**
 * Validate one part of a request against a contract schema. Returns the parsed (coerced,
 * defaulted) value; throws a 400 AppError naming each bad parameter. Express 5 forwards the throw
 * (sync or async) to the error middleware.
 *
 *     const query = validate(req, 'query', ScrutinListQuerySchema);
 */
export function validate<S extends z.ZodType>(req: Request, part: RequestPart, schema: S): z.output<S> {
  const result = schema.safeParse(req[part] ?? {});
  if (!result.success) throw AppError.fromZod(result.error, part);
  return result.data;
}

/** Send a contract-typed JSON body: the schema is the documentation and the type check. */
export function sendJson<S extends z.ZodType>(res: Response, _schema: S, body: z.input<S>, status = 200) {
  res.status(status).json(body);
}

/** What express/body-parser/http-errors throw: a status and an `expose` flag. */
interface HttpLikeError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  type?: unknown;
  message?: unknown;
}

/** Turn anything thrown into an AppError (the non-AppError unknowns become opaque 500s). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return AppError.fromZod(err, 'body');
  const e = (typeof err === 'object' && err !== null ? err : {}) as HttpLikeError;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (e.type === 'entity.parse.failed') {
    return new AppError('invalid_json', 'The request body is not valid JSON', { status: 400, cause: err, extras: { param: 'body' } });
  }
  if (e.type === 'entity.too.large') {
    return new AppError('payload_too_large', 'The request body is too large', { status: 413, cause: err });
  }
  if (status >= 400 && status < 500 && e.expose !== false) {
    const detail = typeof e.message === 'string' ? e.message : (STATUS_CODES[status] ?? 'Bad request');
    return new AppError('http_error', detail, { status, cause: err });
  }
  return new AppError('internal', 'An unexpected error occurred', { status: 500, operational: false, cause: err });
}

/** Build the problem document of an error for a request (also used by non-express callers). */
export function problemBody(error: AppError, instance?: string) {
  const hidden = !error.operational;
  return {
    ...(hidden ? {} : error.extras),
    type: problemType(hidden ? 'internal' : error.code),
    title: hidden ? 'Internal Server Error' : error.title,
    status: error.status,
    detail: hidden ? 'An unexpected error occurred. It has been logged.' : error.detail,
    ...(instance ? { instance } : {}),
    code: hidden ? 'internal' : error.code,
  };
}

export function sendProblem(res: Response, error: AppError, instance?: string) {
  res.status(error.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problemBody(error, instance)));
}

/** 404 for any /api path no router answered (mount after every API router). */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('route_not_found', `No API route ${req.method} ${req.originalUrl.split('?')[0]}`, { status: 404 }));
};

/** The express error middleware: last in the chain. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const error = toAppError(err);
    // The access log (access-log.ts) numbers requests: the same id ties this line to its request.
    const reqId = (req as { id?: unknown }).id;
    if (!error.operational) logger.error({ err: error.cause ?? error, code: error.code, reqId }, error.detail);
    // 501: a feature this deployment does not offer (e.g. an unconfigured verification provider).
    else if (error.status === 501) logger.info({ code: error.code, reqId }, error.detail);
    else if (error.status >= 500) logger.warn({ err: error, reqId }, error.detail);
    sendProblem(res, error, req.originalUrl);
  };
}
