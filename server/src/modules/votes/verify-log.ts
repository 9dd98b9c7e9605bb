import { readFileSync } from 'node:fs';
import type { LogEntry, ScrutinLog, TallyCounts } from '@parallele/core';
import { checkReceipt, ScrutinLogSchema, verifyLog, type LogProblem } from '@parallele/core';
import { openStore } from '../../db/client';
import type { Db } from '../../db/types';
import { chainLock } from './repository';

/**
 * What `npm run verify-log` checks, for one or every scrutin: the hash chain from its genesis,
 * the tally it implies, and (for a store) that the tally the server serves matches it; plus any
 * receipts given. The chain itself is checked by core's verifyLog, the same code a browser runs.
 */
export interface ScrutinCheck {
  scrutinUid: string;
  ok: boolean;
  length: number;
  head: string;
  tally: TallyCounts;
  /** the store's current votes, when checking a store */
  storeTally: TallyCounts | null;
  problems: LogProblem[];
  receipts: { receipt: string; found: boolean; superseded: boolean }[];
}

function check(scrutinUid: string, entries: LogEntry[], receipts: string[], expectedHead?: string, storeTally: TallyCounts | null = null): ScrutinCheck {
  const result = verifyLog(scrutinUid, entries, expectedHead);
  const problems = [...result.problems];
  if (storeTally && JSON.stringify(storeTally) !== JSON.stringify(result.tally)) {
    problems.push({ seq: null, index: entries.length, message: `the store counts ${JSON.stringify(storeTally)} but the log implies ${JSON.stringify(result.tally)}` });
  }
  return {
    scrutinUid, ok: problems.length === 0, length: result.length, head: result.head, tally: result.tally, storeTally, problems,
    receipts: receipts.map((r) => {
      const c = checkReceipt(entries, r);
      return { receipt: r, found: c.found, superseded: c.superseded };
    }),
  };
}

/**
 * Checks the chains of an open store, SQLite or PostgreSQL. Each scrutin is read in a transaction
 * holding its chain lock (the one the vote writer takes), so a server still voting cannot append
 * between the read of the log and the read of the votes: the two always describe the same moment.
 */
export async function verifyDb(db: Pick<Db, 'store'>, options: { scrutinUid?: string; receipts?: string[] } = {}): Promise<ScrutinCheck[]> {
  const { store } = db;
  const uids = options.scrutinUid
    ? [options.scrutinUid]
    : (await store.all<{ uid: string }>('SELECT DISTINCT scrutin_uid AS uid FROM vote_log ORDER BY uid')).map((r) => r.uid);
  const checks: ScrutinCheck[] = [];
  for (const uid of uids) {
    const [entries, counts] = await store.transaction(
      async () =>
        [
          await store.all<LogEntry>('SELECT seq, scrutin_uid AS "scrutinUid", voter, choice, at, prev, hash FROM vote_log WHERE scrutin_uid = ? ORDER BY seq', [uid]),
          await store.all<{ choice: 'pour' | 'contre' | 'abstention'; n: number }>('SELECT choice, count(*) AS n FROM votes WHERE scrutin_uid = ? GROUP BY choice', [uid]),
        ] as const,
      { locks: [chainLock(uid)] },
    );
    const storeTally: TallyCounts = { pour: 0, contre: 0, abstention: 0, total: 0 };
    for (const row of counts) {
      storeTally[row.choice] += row.n;
      storeTally.total += row.n;
    }
    // Receipts belong to one scrutin; with several, each is looked for in every log.
    checks.push(check(uid, entries, options.receipts ?? [], undefined, storeTally));
  }
  return checks;
}

/** Opens the store DATABASE_URL names (`file:`/path or `postgres://`), checks it, closes it. */
export async function verifyStore(url: string, options: { scrutinUid?: string; receipts?: string[] } = {}): Promise<ScrutinCheck[]> {
  const db = await openStore(url);
  try {
    return await verifyDb(db, options);
  } finally {
    await db.close();
  }
}

/** A published log (the JSON of GET /api/scrutins/:uid/log), from a file or a URL. */
export async function verifyPublished(source: string, receipts: string[] = []): Promise<ScrutinCheck> {
  const text = /^https?:\/\//.test(source) ? await (await fetchOk(source)).text() : readFileSync(source, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = ScrutinLogSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${source}: not a scrutin log at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const log: ScrutinLog = parsed.data;
  return check(log.scrutinUid, log.entries, receipts, log.head);
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}
