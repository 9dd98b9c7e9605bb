import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import type { Tally } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { realScrutin } from '../../../test-support/real-data';
import { useVotesStore } from '../../votes';
import { SimulatorPanel } from './simulator-panel';

/**
 * Issue 10, point 8: the platform split the simulator (and the embed) uses by default counts
 * verified voters not flagged by moderation, the page says so, and the reader may switch.
 */
const lfiot = realScrutin('VTANR5L16V1240');
const counts = (pour: number, contre: number) => ({ pour, contre, abstention: 0, total: pour + contre });
// A flagged brigade of 80 unverified accounts voting pour, 20 verified citizens voting contre.
const brigaded: Tally = {
  scrutinUid: lfiot.uid,
  window: { status: 'open', retrospective: true, closesAt: null },
  all: counts(80, 20),
  verified: counts(0, 20),
  unflagged: counts(0, 20),
  verifiedUnflagged: counts(0, 20),
  verifiedLevel: 'email',
  logLength: 100,
  logHead: '0'.repeat(64),
};

describe('the platform split of the simulator', () => {
  afterEach(() => {
    cleanup();
    useVotesStore.setState({ scope: 'verifiedUnflagged', byUid: {} });
  });

  it("counts verified, unflagged voters by default, says so, and follows the reader's switch", async () => {
    useVotesStore.getState().applyTally(brigaded);
    await renderInApp(<SimulatorPanel scrutin={lfiot} />, { path: `/scrutins/${lfiot.uid}?k=100` });
    const desc = () => screen.getByTestId('parallel-hemicycle').querySelector('desc')?.textContent ?? '';
    expect(desc()).toContain('MaVoix (100) : 100 contre ;');
    expect(screen.getByTestId('platform-scope-note').textContent).toMatch(/comptes vérifiés et non signalés/);
    await act(async () => useVotesStore.getState().setScope('all'));
    expect(desc()).toContain('MaVoix (100) : 80 pour, 20 contre ;');
  });
});
