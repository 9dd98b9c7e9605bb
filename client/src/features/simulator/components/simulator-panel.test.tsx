import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { tippingPoint } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { realScrutin } from '../../../test-support/real-data';
import { simScrutinOf } from '../compute';
import { SimulatorPanel } from './simulator-panel';

const lfiot = realScrutin('VTANR5L16V1240');

describe('the parallel result panel', () => {
  afterEach(cleanup);

  it('starts from the permalink and shows the tipping point computed by core', async () => {
    await renderInApp(<SimulatorPanel scrutin={lfiot} />, { path: `/scrutins/${lfiot.uid}?k=5&split=100,0,0` });
    const expected = tippingPoint(simScrutinOf(lfiot), { split: [100, 0, 0], mode: 'proportional' });
    await waitFor(() => expect(screen.getByTestId('k-value').textContent).toBe('5'));
    expect(expected).not.toBeNull();
    expect(screen.getByTestId('tipping-point').textContent).toBe(String(expected));
    expect(screen.getByTestId('parallel-outcome-label').textContent).toBe('rejeté');
  });

  it('tips the LIOT motion when K reaches the tipping point, live, without a request', async () => {
    await renderInApp(<SimulatorPanel scrutin={lfiot} />, { path: `/scrutins/${lfiot.uid}?k=1&split=100,0,0` });
    const kStar = Number(screen.getByTestId('tipping-point').textContent);
    await act(async () => {
      fireEvent.change(screen.getByTestId('k-input'), { target: { value: String(kStar - 1) } });
    });
    expect(screen.getByTestId('parallel-outcome-label').textContent).toBe('rejeté');
    await act(async () => {
      fireEvent.change(screen.getByTestId('k-slider'), { target: { value: String(kStar) } });
    });
    expect(screen.getByTestId('parallel-outcome-label').textContent).toBe('adopté');
    expect(screen.getByText('Le résultat bascule !')).toBeTruthy();
    // three renders of the whole panel (charts included): 3–6 s on the shared 2-core machine
  }, 20_000);

  it('redraws the parallel hemicycle when the manual split moves', async () => {
    await renderInApp(<SimulatorPanel scrutin={lfiot} />, { path: `/scrutins/${lfiot.uid}?k=100&split=55,35,10` });
    const desc = () => screen.getByTestId('parallel-hemicycle').querySelector('desc')?.textContent ?? '';
    expect(desc()).toContain('MaVoix (100) : 55 pour, 35 contre, 10 abstention');
    await act(async () => {
      fireEvent.change(screen.getByTestId('split-pour'), { target: { value: '90' } });
    });
    expect(desc()).toContain('MaVoix (100) : 90 pour, 8 contre, 2 abstention');
  });

  it('names the parameter when the simulator refuses the settings', async () => {
    await renderInApp(<SimulatorPanel scrutin={lfiot} />, { path: `/scrutins/${lfiot.uid}?k=5&split=0,0,0` });
    // an all-zero split is not a split: the URL is ignored, the default split applies
    expect(screen.getByTestId('parallel-outcome-label').textContent).toBe('rejeté');
  });

  it('speaks English when asked', async () => {
    await renderInApp(<SimulatorPanel scrutin={lfiot} />, { path: `/scrutins/${lfiot.uid}?k=5`, lang: 'en' });
    expect(screen.getByText('Parallel result', { selector: 'h2' })).toBeTruthy();
    expect(screen.getByTestId('parallel-outcome-label').textContent).toBe('rejected');
  });
});
