import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { LogEntry, TallyCounts, VoteChoice } from '../contracts/votes';
import { VOTE_CHOICES } from '../contracts/votes';

/**
 * The verifiable log of citizens' votes: one hash chain per scrutin. Each entry's hash covers the
 * previous entry's hash, so changing, dropping or reordering any entry breaks every later hash.
 *
 * Why one chain per scrutin rather than one global chain: the public endpoint serves one
 * scrutin's log, and a per-scrutin chain verifies on its own from its genesis (a global chain
 * would make anyone checking one receipt download every vote of every scrutin). Appends on
 * different scrutins also never wait on a single global head.
 *
 * Pure (SHA-256 from @noble/hashes, no node:crypto): the server, the CLI and the browser compute
 * exactly the same bytes.
 */
export const LOG_FORMAT = 'parallele-vote-log/v1';

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** The `prev` of a scrutin's first entry. */
export const genesisHash = (scrutinUid: string): string => sha256Hex(`${LOG_FORMAT}\ngenesis\n${scrutinUid}`);

export type UnhashedEntry = Omit<LogEntry, 'hash'>;

/**
 * The exact bytes hashed: the format tag then each field on its own line, in this order.
 * No field may contain a newline (uids, hex pseudonyms, choices and ISO dates cannot).
 */
export const entryPayload = (e: UnhashedEntry): string =>
  [LOG_FORMAT, String(e.seq), e.scrutinUid, e.voter, e.choice, e.at, e.prev].join('\n');

export const hashEntry = (e: UnhashedEntry): string => sha256Hex(entryPayload(e));

/** Builds the next entry of a chain whose head is `prev` (genesis for the first). */
export const nextEntry = (e: UnhashedEntry): LogEntry => ({ ...e, hash: hashEntry(e) });

export const emptyCounts = (): TallyCounts => ({ pour: 0, contre: 0, abstention: 0, total: 0 });

/** The tally a log implies: each voter's last entry counts, once. */
export function tallyEntries(entries: readonly Pick<LogEntry, 'voter' | 'choice'>[]): TallyCounts {
  const last = new Map<string, VoteChoice>();
  for (const e of entries) last.set(e.voter, e.choice);
  const counts = emptyCounts();
  for (const choice of last.values()) {
    counts[choice] += 1;
    counts.total += 1;
  }
  return counts;
}

export interface LogProblem {
  seq: number | null;
  /** index in the entries array */
  index: number;
  message: string;
}

export interface LogVerification {
  ok: boolean;
  problems: LogProblem[];
  length: number;
  head: string;
  tally: TallyCounts;
}

/**
 * Checks a whole scrutin log from its genesis: contiguous seq from 1, every `prev` equal to the
 * previous hash, every hash recomputed, the scrutin uid, the choices and non-decreasing times.
 * `expectedHead`, when given (e.g. the head the server published), must be the last hash.
 */
export function verifyLog(scrutinUid: string, entries: readonly LogEntry[], expectedHead?: string): LogVerification {
  const problems: LogProblem[] = [];
  let prev = genesisHash(scrutinUid);
  let prevAt = '';
  entries.forEach((e, index) => {
    const where = { seq: typeof e.seq === 'number' ? e.seq : null, index };
    if (e.seq !== index + 1) problems.push({ ...where, message: `seq ${e.seq} where ${index + 1} was expected` });
    if (e.scrutinUid !== scrutinUid) problems.push({ ...where, message: `scrutinUid ${e.scrutinUid} in the log of ${scrutinUid}` });
    if (!(VOTE_CHOICES as readonly string[]).includes(e.choice)) problems.push({ ...where, message: `unknown choice ${String(e.choice)}` });
    if (e.prev !== prev) problems.push({ ...where, message: `prev ${e.prev} does not match the previous hash ${prev}` });
    const recomputed = hashEntry(e);
    if (recomputed !== e.hash) problems.push({ ...where, message: `hash ${e.hash} does not match its content (${recomputed})` });
    if (e.at < prevAt) problems.push({ ...where, message: `time ${e.at} is before the previous entry's ${prevAt}` });
    prev = e.hash;
    prevAt = e.at;
  });
  if (expectedHead !== undefined && expectedHead !== prev) {
    problems.push({ seq: null, index: entries.length, message: `head ${prev} differs from the published head ${expectedHead}` });
  }
  return { ok: problems.length === 0, problems, length: entries.length, head: prev, tally: tallyEntries(entries) };
}

export interface ReceiptCheck {
  found: boolean;
  entry: LogEntry | null;
  /** a later entry of the same voter replaced this choice */
  superseded: boolean;
}

/** Is this receipt (an entry hash) in the log, and is it still the voter's current choice? */
export function checkReceipt(entries: readonly LogEntry[], receipt: string): ReceiptCheck {
  const index = entries.findIndex((e) => e.hash === receipt);
  const entry = index >= 0 ? entries[index] : undefined;
  if (!entry) return { found: false, entry: null, superseded: false };
  const superseded = entries.slice(index + 1).some((e) => e.voter === entry.voter);
  return { found: true, entry, superseded };
}
