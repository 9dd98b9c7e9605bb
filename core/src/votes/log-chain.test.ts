import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { createHash } from 'node:crypto';
import type { LogEntry, VoteChoice } from '../contracts/votes';
import { checkReceipt, entryPayload, genesisHash, hashEntry, nextEntry, sha256Hex, tallyEntries, verifyLog } from './log-chain';

const uid = 'VTANR5L17V519';
const voters = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'];

function chain(votes: [string, VoteChoice][]): LogEntry[] {
  const entries: LogEntry[] = [];
  let prev = genesisHash(uid);
  votes.forEach(([voter, choice], i) => {
    const e = nextEntry({ seq: i + 1, scrutinUid: uid, voter, choice, at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), prev });
    entries.push(e);
    prev = e.hash;
  });
  return entries;
}

describe('the hash-chained vote log', () => {
  it('hashes with the same SHA-256 as node:crypto, byte for byte, including accents', () => {
    for (const text of ['', 'abc', 'Législature parallèle — « pour »', 'x'.repeat(1000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(sha256(new Uint8Array()).length).toBe(32);
  });

  it('puts every field on its own line after the format tag, in a fixed order', () => {
    const e = { seq: 1, scrutinUid: uid, voter: voters[0]!, choice: 'pour' as const, at: '2025-01-01T00:00:00.000Z', prev: genesisHash(uid) };
    expect(entryPayload(e).split('\n')).toEqual(['parallele-vote-log/v1', '1', uid, voters[0], 'pour', e.at, e.prev]);
    expect(hashEntry(e)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives each scrutin its own genesis', () => {
    expect(genesisHash(uid)).not.toBe(genesisHash('VTANR5L17V520'));
  });

  it('verifies an intact chain and counts each voter once, with their last choice', () => {
    const entries = chain([[voters[0]!, 'pour'], [voters[1]!, 'contre'], [voters[0]!, 'abstention'], [voters[2]!, 'pour']]);
    const result = verifyLog(uid, entries, entries.at(-1)!.hash);
    expect(result.ok).toBe(true);
    expect(result.tally).toEqual({ pour: 1, contre: 1, abstention: 1, total: 3 });
    expect(tallyEntries([])).toEqual({ pour: 0, contre: 0, abstention: 0, total: 0 });
  });

  it('detects an altered choice, a dropped entry, a reordering and a wrong head', () => {
    const entries = chain([[voters[0]!, 'pour'], [voters[1]!, 'contre'], [voters[2]!, 'pour']]);
    const altered = entries.map((e, i) => (i === 1 ? { ...e, choice: 'pour' as const } : e));
    expect(verifyLog(uid, altered).problems.map((p) => p.seq)).toEqual([2]);
    expect(verifyLog(uid, [entries[0]!, entries[2]!]).ok).toBe(false);
    expect(verifyLog(uid, [entries[1]!, entries[0]!, entries[2]!]).ok).toBe(false);
    expect(verifyLog(uid, entries, entries[0]!.hash).problems.at(-1)!.message).toMatch(/published head/);
    expect(verifyLog('VTANR5L17V520', entries).ok).toBe(false);
  });

  it('finds a receipt and says when a later change superseded it', () => {
    const entries = chain([[voters[0]!, 'pour'], [voters[1]!, 'contre'], [voters[0]!, 'contre']]);
    expect(checkReceipt(entries, entries[0]!.hash)).toMatchObject({ found: true, superseded: true });
    expect(checkReceipt(entries, entries[2]!.hash)).toMatchObject({ found: true, superseded: false });
    expect(checkReceipt(entries, 'f'.repeat(64))).toEqual({ found: false, entry: null, superseded: false });
  });
});
