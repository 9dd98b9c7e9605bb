import { describe, expect, it } from 'vitest';
import type { Tally } from '@parallele/core';
import { entryOf, useVotesStore } from './store';

const counts = (pour: number, contre: number, abstention: number) => ({ pour, contre, abstention, total: pour + contre + abstention });
const tally = (logLength: number, pour: number): Tally => ({
  scrutinUid: 'VTANR5L16V1240',
  window: { status: 'open', retrospective: true, closesAt: null },
  all: counts(pour, 1, 0),
  verified: counts(pour, 1, 0),
  unflagged: counts(pour, 1, 0),
  verifiedUnflagged: counts(pour, 1, 0),
  verifiedLevel: 'email',
  logLength,
  logHead: '0'.repeat(64),
});

describe('the votes store', () => {
  it('keeps the newest tally when the socket and HTTP answers cross', () => {
    const { applyTally } = useVotesStore.getState();
    applyTally(tally(5, 4));
    applyTally(tally(3, 2)); // an older state of the log arriving late
    expect(entryOf(useVotesStore.getState(), 'VTANR5L16V1240').tally?.all.pour).toBe(4);
    applyTally(tally(6, 5));
    expect(entryOf(useVotesStore.getState(), 'VTANR5L16V1240').tally?.all.pour).toBe(5);
  });

  it('gives a stable empty entry for a scrutin it never saw', () => {
    const s = useVotesStore.getState();
    expect(entryOf(s, 'VTANR5L17V1')).toBe(entryOf(s, 'VTANR5L17V2'));
    expect(entryOf(s, 'VTANR5L17V1').tally).toBeNull();
  });
});
