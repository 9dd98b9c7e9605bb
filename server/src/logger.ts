import { createRequire } from 'node:module';
import { pino, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config';

export type { Logger } from 'pino';

/**
 * One pino logger per process, passed in deps (never imported as a global, so tests stay quiet and
 * can capture it). JSON lines in production and when piped; pino-pretty on a developer's terminal.
 * Credentials never reach the log: the redact list covers the headers and fields that carry them.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'NODE_ENV'>, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    base: { app: 'parallele' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  if (config.NODE_ENV !== 'production' && process.stdout.isTTY && canResolve('pino-pretty')) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' } } });
  }
  return pino(options);
}

/** pino-pretty is a dev dependency: a production install without it still logs (as JSON). */
function canResolve(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** A logger that writes nothing, for tests and tools. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
