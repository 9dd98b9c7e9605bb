import { describe, expect, it } from 'vitest';
import type { VoteChoice } from '../contracts/votes';
import type { BurstVoteEvent } from './burst-detector';
import { detectBursts, networkOf } from './burst-detector';

/**
 * What the burst detector can and cannot see (issue 10, point 8; docs/citizens-votes.md,
 * "What the detector sees"): the mixed cases an attacker tries. The blind spots are asserted on
 * purpose: they are why the default tally also requires verification, and what the identity and
 * network signals still to come must cover.
 */
const uid = 'VTANR5L17V519';
const t0 = Date.UTC(2025, 2, 1, 12);
const minute = 60_000;
const event = (accountId: string, ip: string, choice: VoteChoice, at: number): BurstVoteEvent => ({
  accountId, accountCreatedAt: at - 5 * minute, registrationNetwork: networkOf(ip), voteNetwork: networkOf(ip), scrutinUid: uid, choice, at,
});
const brigade = (n: number, net: (i: number) => string, choice: VoteChoice = 'contre') =>
  Array.from({ length: n }, (_, i) => event(`b${i}`, net(i), choice, t0 + i * 20_000));

describe('the burst detector: what it sees', () => {
  it('flags 8 new accounts of one /24 voting alike within minutes, the deleted ones included', () => {
    // Deleted accounts are fed to it like the others (their networks are kept a day for this).
    expect(detectBursts(brigade(8, (i) => `198.51.100.${i + 1}`), t0 + 10 * minute).flaggedAccountIds).toHaveLength(8);
  });

  it('flags a brigade whose decoys leave it 80 % of the network, not less', () => {
    const decoys = Array.from({ length: 2 }, (_, i) => event(`d${i}`, `198.51.100.${200 + i}`, 'pour', t0 + i * 30_000));
    expect(detectBursts([...brigade(8, (i) => `198.51.100.${i + 1}`), ...decoys], t0 + 10 * minute).flaggedAccountIds).toHaveLength(8);
  });
});

describe('the burst detector: what it cannot see', () => {
  it('misses 7 accounts in one /24 (under the cluster size of 8)', () => {
    expect(detectBursts(brigade(7, (i) => `198.51.100.${i + 1}`), t0 + 10 * minute).flaggedAccountIds).toEqual([]);
  });

  it('misses a brigade whose decoy votes keep its share under 80 %', () => {
    const decoys = Array.from({ length: 3 }, (_, i) => event(`d${i}`, `198.51.100.${200 + i}`, 'pour', t0 + i * 30_000));
    // 8 of 11 = 73 %: under the threshold
    expect(detectBursts([...brigade(8, (i) => `198.51.100.${i + 1}`), ...decoys], t0 + 10 * minute).flaggedAccountIds).toEqual([]);
  });

  it('misses 20 accounts on 20 distinct networks', () => {
    expect(detectBursts(brigade(20, (i) => `203.0.${i}.7`), t0 + 10 * minute).flaggedAccountIds).toEqual([]);
  });

  it('misses a slow brigade: 8 accounts of one /24, one every 2 minutes (outside one 10-minute window)', () => {
    const slow = Array.from({ length: 8 }, (_, i) => event(`s${i}`, `198.51.100.${i + 1}`, 'contre', t0 + i * 2 * minute));
    expect(detectBursts(slow, t0 + 30 * minute).flaggedAccountIds).toEqual([]);
  });
});
