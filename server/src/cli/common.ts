import { isSimulationError, type Scrutin } from '@parallele/core';
import type { z } from 'zod';
import { loadConfig } from '../config';
import { openStore, type Db } from '../db/client';
import { importBundledDataIfEmpty } from '../import/import-service';
import { importBundledEpIfMissing } from '../modules/ep';
import { AppError } from '../errors';

/**
 * What the simulate and leverage CLIs share: reading scrutins from the store (DATABASE_URL) or
 * from --from, checking options with the API's own zod contracts (so both accept the same
 * spellings), and printing errors as one line naming the option.
 */

export class CliError extends Error {}

/** Parse CLI options with an API query schema; a bad one is reported as `--name: reason`. */
export function parseOptions<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.output<S> {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? '');
  const message = issue.message.startsWith(`${name}: `) ? issue.message.slice(name.length + 2) : issue.message;
  throw new CliError(`--${name}: ${message}`);
}

/**
 * Runs f with the store open (closed afterwards, whatever happens). An empty store is first filled
 * with the bundled open data, as `npm start` does, so the README's commands work right after `npm ci`.
 */
export async function withStore<T>(f: (db: Db) => T | Promise<T>, options: { europeanParliament?: boolean } = {}): Promise<T> {
  const config = loadConfig(process.env, undefined, { citizens: false });
  const db = await openStore(config.DATABASE_URL);
  try {
    const log = { info: (_o: object, msg?: string) => console.error(msg), warn: (_o: object, msg?: string) => console.error(msg) };
    await importBundledDataIfEmpty(db, log);
    if (options.europeanParliament) await importBundledEpIfMissing(db, log);
    return await f(db);
  } finally {
    await db.close();
  }
}

/** Every error ends as one line on stderr and exit code 1 (2 for a bad option). */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    }
    if (isSimulationError(error)) {
      console.error(`error: --${error.message}`);
      process.exit(2);
    }
    if (error instanceof AppError) {
      const param = typeof error.extras.param === 'string' ? error.extras.param : null;
      const detail = param && error.detail.startsWith(`${param}: `) ? error.detail.slice(param.length + 2) : error.detail;
      console.error(`error: ${param ? `--${param}: ` : ''}${detail}`);
      process.exit(error.status === 400 ? 2 : 1);
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

export const pad = (s: string | number, n: number) => String(s).padStart(n);

export const describeScrutin = (s: Scrutin) => `${s.uid} (${s.type}, ${s.date}) ${s.titre.length > 90 ? `${s.titre.slice(0, 89)}…` : s.titre}`;
