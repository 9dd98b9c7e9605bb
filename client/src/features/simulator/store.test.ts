import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, rebalance, settingsFromParams, settingsToParams, toPercents, useSimulatorStore } from './store';

describe('the simulator settings', () => {
  it('round-trip through the URL (the permalink)', () => {
    const s = { k: 42, mode: 'added', method: 'dhondt' as const, source: 'manual' as const, manual: [60, 30, 10] as const };
    const p = settingsToParams(s, new URLSearchParams('tab=x'));
    expect(p.toString()).toBe('tab=x&k=42&split=60%2C30%2C10&mode=added&method=dhondt');
    expect(settingsFromParams(p)).toEqual(s);
  });

  it('read the scenario runner’s links (?k=&split=&mode=&method=)', () => {
    expect(settingsFromParams(new URLSearchParams('k=19&split=100,0,0&mode=added&method=largest-remainder'))).toEqual({ k: 19, mode: 'added', method: 'largest-remainder', source: 'manual', manual: [100, 0, 0] });
  });

  it('ignore bad values rather than failing the page', () => {
    expect(settingsFromParams(new URLSearchParams('k=-3&mode=everyone&method=coin&split=1,2'))).toEqual(DEFAULT_SETTINGS);
  });

  it('keep a manual split at 100 % when one slider moves', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)), fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 100 }), (w, i, v) => {
        const start = toPercents(w[0] + w[1] + w[2] === 0 ? [1, 1, 1] : w);
        const next = rebalance(start, i as 0 | 1 | 2, v);
        expect(next[0] + next[1] + next[2]).toBe(100);
        expect(next[i]).toBe(v);
        expect(next.every((x) => x >= 0)).toBe(true);
      }),
    );
  });

  it('switch to the manual source when a share is moved', () => {
    useSimulatorStore.getState().reset({ ...DEFAULT_SETTINGS, source: 'platform' });
    useSimulatorStore.getState().setManualShare(0, 80);
    const s = useSimulatorStore.getState();
    expect(s.source).toBe('manual');
    expect(s.manual).toEqual([80, 16, 4]); // the 20 left keep the 35:10 ratio
  });
});
