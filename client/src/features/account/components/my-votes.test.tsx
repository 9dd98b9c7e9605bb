import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { genesisHash, LOG_FORMAT, nextEntry, type MyVote, type ScrutinLog } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { verifyReceipt } from '../receipt-check';
import { Verdict } from './my-votes';

afterEach(cleanup);

const UID = 'VTANR5L16V1240';
const first = nextEntry({ seq: 1, scrutinUid: UID, voter: 'a'.repeat(32), choice: 'pour', at: '2026-11-24T06:00:00.000Z', prev: genesisHash(UID) });
const second = nextEntry({ seq: 2, scrutinUid: UID, voter: 'a'.repeat(32), choice: 'contre', at: '2026-11-24T06:01:00.000Z', prev: first.hash });
const log: ScrutinLog = { format: LOG_FORMAT, scrutinUid: UID, entries: [first, second], head: second.hash };
const vote = (receipt: string, seq: number): MyVote => ({ scrutinUid: UID, choice: 'contre', receipt, seq, castAt: '2026-11-24T06:01:00.000Z', revisions: 2 });

describe('the receipt verdict under a vote', () => {
  it('says the vote is counted, with its place in the intact chain', async () => {
    await renderInApp(<Verdict vote={vote(second.hash, 2)} verdict={verifyReceipt(log, second.hash)} />);
    expect(screen.getByRole('status').textContent).toBe('Reçu trouvé : entrée n° 2 d’une chaîne de 2 entrées intacte. Votre vote « contre » est compté.'.replace(/ :/g, '\u00a0:').replace(/« /g, '«\u202f').replace(/ »/g, '\u202f»'));
  });

  it('says a replaced receipt no longer counts', async () => {
    await renderInApp(<Verdict vote={vote(first.hash, 1)} verdict={verifyReceipt(log, first.hash)} />, { lang: 'en' });
    expect(screen.getByRole('status').textContent).toBe('Receipt found in an intact chain of 2 entries, but a later vote of yours replaced it (“for” no longer counts).');
  });

  it('raises an alert when the receipt is missing or the chain is broken', async () => {
    await renderInApp(<Verdict vote={vote('f'.repeat(64), 3)} verdict={verifyReceipt(log, 'f'.repeat(64))} />, { lang: 'en' });
    expect(screen.getByRole('alert').textContent).toBe('Receipt not found in the public log (2 entries checked).');
    cleanup();
    const broken: ScrutinLog = { ...log, entries: [{ ...first, choice: 'abstention' }, second] };
    await renderInApp(<Verdict vote={vote(second.hash, 2)} verdict={verifyReceipt(broken, second.hash)} />, { lang: 'en' });
    expect(screen.getByRole('alert').textContent).toMatch(/^The chain of the public log does not verify: hash [0-9a-f]{64} does not match its content/);
  });
});
