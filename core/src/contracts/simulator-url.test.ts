import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { legislatureUrl, parseSimulatorParams, simulatorParams, simulatorUrl } from './simulator-url';

describe('the simulator permalink', () => {
  it('is written in one order, k, split, mode, method, source', () => {
    expect(simulatorUrl('VTANR5L16V1240', { k: 48, split: [68, 32, 0], mode: 'proportional', method: 'largest-remainder' })).toBe('/scrutins/VTANR5L16V1240?k=48&split=68%2C32%2C0&mode=proportional&method=largest-remainder');
    expect(simulatorUrl('VTANR5L17V519')).toBe('/scrutins/VTANR5L17V519');
    expect(legislatureUrl(17, { k: 10, mode: 'added' })).toBe('/legislatures/17?k=10&mode=added');
  });

  it('reads every displacement mode the simulator knows, deputies included, and keeps other parameters', () => {
    const p = simulatorParams({ k: 2, mode: ' deputies:PA1, PA2 ', source: 'manual' }, new URLSearchParams('tab=charts'));
    expect(p.get('tab')).toBe('charts');
    expect(parseSimulatorParams(p)).toEqual({ k: 2, mode: 'deputies:PA1,PA2', source: 'manual' });
  });

  it('leaves out a bad value and keeps the good ones', () => {
    expect(parseSimulatorParams(new URLSearchParams('k=-3&mode=everyone&method=coin&split=1,2&source=x'))).toEqual({});
    expect(parseSimulatorParams(new URLSearchParams('k=7&split=70,23,7&mode=group:&method=dhondt'))).toEqual({ k: 7, split: [70, 23, 7], method: 'dhondt' });
  });

  it('round-trips any valid settings', () => {
    const settings = fc.record({
      k: fc.nat(999_999),
      split: fc.tuple(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 1000 })),
      mode: fc.constantFrom('proportional', 'added', 'group:PO845401', 'deputies:PA1,PA2'),
      method: fc.constantFrom('largest-remainder' as const, 'dhondt' as const, 'sainte-lague' as const),
      source: fc.constantFrom('platform' as const, 'manual' as const),
    });
    fc.assert(fc.property(settings, (s) => {
      const url = new URL(simulatorUrl('VTANR5L17V1', s), 'http://x');
      expect(parseSimulatorParams(url.searchParams)).toEqual(s);
    }));
  });
});
