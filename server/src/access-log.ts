import type { RequestHandler } from 'express';
import type { Level, Logger } from 'pino';

/** LOG_REQUESTS: `all` logs every request at info; `errors` logs 4xx/5xx and moves 2xx/3xx to debug. */
export type RequestLogging = 'all' | 'errors';

/**
 * One line per finished request: id, method, url, status, response time. Replaces pino-http,
 * which built a child logger and ran its serializers for EVERY request even when the line was
 * below the log level (the votes bench runs at warn: ~5% of the server's CPU for nothing).
 * Here a request costs one listener and a counter; the line is built only if its level is on.
 *
 * Levels: 5xx (and aborted requests) error/warn, 4xx warn, 2xx/3xx info, or debug with
 * LOG_REQUESTS=errors: at thousands of votes a second an info line per vote is most of the log
 * volume and a synchronous write each, while failures are what an operator looks for. Errors
 * themselves are logged with their stack by errorHandler (errors.ts), which reads `req.id`.
 */
export function accessLog(logger: Logger, mode: RequestLogging, ignore: (url: string) => boolean): RequestHandler {
  let nextId = 0;
  const okLevel: Level = mode === 'all' ? 'info' : 'debug';
  return (req, res, next) => {
    const id = ++nextId;
    (req as { id?: number }).id = id;
    if (ignore(req.url)) return next();
    const start = performance.now();
    res.once('close', () => {
      const finished = res.writableFinished;
      const status = res.statusCode;
      // 501 (a feature this deployment does not offer) is the client's request, not our failure.
      const level: Level = !finished ? 'warn' : status >= 500 && status !== 501 ? 'error' : status >= 400 ? 'warn' : okLevel;
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, url: req.originalUrl, remoteAddress: req.socket.remoteAddress },
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - start),
        },
        finished ? (status >= 500 ? 'request errored' : 'request completed') : 'request aborted',
      );
    });
    next();
  };
}
