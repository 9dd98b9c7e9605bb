import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SyncKind, SyncRunSummary } from '@parallele/core';

/**
 * Runs one scheduled sync in a child process with a memory limit (issue 10, point 3: a zip bomb
 * served to the scheduled sync killed the web server at the first tick). The archive limits
 * (scrapers/src/sources/archive-limits.ts) stop the bombs we know of; this stops the ones we do
 * not: the child may run out of memory, crash or hang, the server only logs and reports it.
 */
export interface IsolatedSyncSettings {
  /** the store the child opens (its own connection; WAL lets the server keep serving) */
  databaseUrl: string;
  /** V8 heap limit of the child (--max-old-space-size) */
  memoryMb: number;
  /** a run taking longer is killed */
  timeoutMs: number;
  /** environment of the child (the server's, with the sync settings it must use) */
  env: Record<string, string | undefined>;
}

export type IsolatedOutcome = { ok: true; summary: SyncRunSummary } | { ok: false; reason: string };

const CHILD = new URL(`./scheduled-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function runIsolatedSync(kind: SyncKind, legislature: number, settings: IsolatedSyncSettings): Promise<IsolatedOutcome> {
  // Under tsx (npm start, tests) the child needs tsx's loader too; compiled code does not.
  const loader = CHILD.pathname.endsWith('.ts') ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  const child = fork(fileURLToPath(CHILD), [kind, String(legislature)], {
    execArgv: [`--max-old-space-size=${settings.memoryMb}`, ...loader],
    env: { ...settings.env, DATABASE_URL: settings.databaseUrl },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  let summary: SyncRunSummary | null = null;
  child.on('message', (message: { summary?: SyncRunSummary }) => {
    if (message.summary) summary = message.summary;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), settings.timeoutMs);
    timer.unref();
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `could not start the sync process: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (summary && code === 0) return resolve({ ok: true, summary });
      const oom = /heap out of memory|Allocation failed/i.test(stderr) ? ` (out of memory: over ${settings.memoryMb} MB)` : '';
      const how = signal ? `killed by ${signal}${signal === 'SIGKILL' && !oom ? ` (after ${settings.timeoutMs} ms or by the system)` : ''}` : `exited with code ${code}`;
      const lastLine = stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(-1)[0] ?? '';
      resolve({ ok: false, reason: `the ${kind} sync process ${how}${oom}${lastLine && !oom ? `: ${lastLine.slice(0, 300)}` : ''}` });
    });
  });
}
