import { describe, expect, it } from 'vitest';
import { genesisHash, LOG_FORMAT, nextEntry, type LogEntry, type ScrutinLog, type VoteChoice } from '@parallele/core';
import { verifyReceipt } from './receipt-check';

const UID = 'VTANR5L16V1240';
const alice = 'a'.repeat(32);
const bob = 'b'.repeat(32);

/** A real chain, built with core's own functions as the server appends it. */
function chain(votes: [string, VoteChoice][]): ScrutinLog {
  const entries: LogEntry[] = [];
  votes.forEach(([voter, choice], i) => {
    const prev = entries[i - 1]?.hash ?? genesisHash(UID);
    entries.push(nextEntry({ seq: i + 1, scrutinUid: UID, voter, choice, at: `2026-11-24T06:0${i}:00.000Z`, prev }));
  });
  return { format: LOG_FORMAT, scrutinUid: UID, entries, head: entries.at(-1)?.hash ?? genesisHash(UID) };
}

describe('checking a receipt against the public log in the browser', () => {
  it('finds a current vote in an intact chain', () => {
    const log = chain([[alice, 'pour'], [bob, 'contre']]);
    const verdict = verifyReceipt(log, log.entries[0]!.hash);
    expect(verdict).toMatchObject({ chainOk: true, problem: null, length: 2, found: true, superseded: false });
    expect(verdict.entry?.choice).toBe('pour');
  });

  it('says when a later vote of the same voter replaced the receipt’s choice', () => {
    const log = chain([[alice, 'pour'], [bob, 'contre'], [alice, 'abstention']]);
    expect(verifyReceipt(log, log.entries[0]!.hash)).toMatchObject({ found: true, superseded: true });
    expect(verifyReceipt(log, log.entries[2]!.hash)).toMatchObject({ found: true, superseded: false });
  });

  it('does not find a receipt that is not in the log', () => {
    const log = chain([[alice, 'pour']]);
    expect(verifyReceipt(log, 'f'.repeat(64))).toMatchObject({ chainOk: true, found: false, entry: null });
  });

  it('refuses a chain whose entry was altered after the fact, naming the problem', () => {
    const log = chain([[alice, 'pour'], [bob, 'contre']]);
    const tampered: ScrutinLog = { ...log, entries: [{ ...log.entries[0]!, choice: 'contre' }, log.entries[1]!] };
    const verdict = verifyReceipt(tampered, log.entries[1]!.hash);
    expect(verdict.chainOk).toBe(false);
    expect(verdict.problem).toMatch(/does not match its content/);
  });

  it('refuses a log whose published head is not its last hash (a dropped tail)', () => {
    const log = chain([[alice, 'pour'], [bob, 'contre']]);
    const truncated: ScrutinLog = { ...log, entries: log.entries.slice(0, 1) };
    const verdict = verifyReceipt(truncated, log.entries[0]!.hash);
    expect(verdict.chainOk).toBe(false);
    expect(verdict.problem).toMatch(/published head/);
  });
});
