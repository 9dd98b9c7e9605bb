import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kCurve, toSimScrutin, type Scrutin } from '@parallele/core';
import { KCurveChart, kCurvePoints, kCurveValues, type KCurvePoint } from './k-curve';
import { valueAxis } from './scale';
import { bundledScrutins } from './test-support/real-data';

const scrutins: Scrutin[] = [...bundledScrutins(16), ...bundledScrutins(17)];
const byUid = new Map(scrutins.map((s) => [s.uid as string, s]));

function curveOf(s: Scrutin, split: readonly [number, number, number], mode: string): KCurvePoint[] {
  const sim = toSimScrutin(s);
  const members = sim.groups.reduce((n, g) => n + g.members, 0);
  return kCurvePoints(kCurve(sim, { split, mode, from: 0, to: mode === 'added' ? 577 : members }));
}

/** Every vertex of every line drawn in the plot (series, markers' centres, threshold lines). */
function drawnYs(svg: string): number[] {
  // the series come after the outcome strip (legend and hatching patterns come before)
  const strip = svg.indexOf('class="outcome-strip"');
  const markup = svg.slice(svg.indexOf('</g>', strip));
  const ys: number[] = [];
  for (const d of markup.matchAll(/<path d="([^"]+)" fill="none"/g)) for (const m of d[1]!.matchAll(/[ML]-?[\d.]+ (-?[\d.]+)/g)) ys.push(Number(m[1]));
  for (const m of markup.matchAll(/<circle cx="[\d.-]+" cy="(-?[\d.]+)"/g)) ys.push(Number(m[1]));
  for (const m of markup.matchAll(/<line class="threshold"[^>]* y1="(-?[\d.]+)"/g)) ys.push(Number(m[1]));
  return ys;
}

// the plot box of a 720×420 K-curve: margin top 64, bottom 58 + the 14 px outcome strip
const PLOT = { top: 64, bottom: 420 - 72 };

describe('the K-curve’s value axis', () => {
  it('holds every plotted value and threshold with headroom, on real scrutins, any split, both modes', () => {
    fc.assert(
      fc.property(
        fc.nat(scrutins.length - 1),
        fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)).filter(([a, b, c]) => a + b + c > 0),
        fc.constantFrom('proportional', 'added'),
        fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }),
        (i, split, mode, threshold) => {
          const s = scrutins[i]!;
          const points = curveOf(s, split, mode);
          const showContre = s.type !== 'MOC';
          const values = kCurveValues(points, showContre, threshold === undefined ? [] : [threshold]);
          const { domain, ticks } = valueAxis(values);
          const [lo, hi] = domain;
          const min = Math.min(...values);
          const max = Math.max(...values);
          expect(lo).toBeLessThanOrEqual(min);
          expect(hi).toBeGreaterThan(max);
          if (min > 0) expect(lo).toBeLessThan(min);
          expect(lo).toBeGreaterThanOrEqual(0);
          // the axis' ticks span the domain: the first tick is the bottom of the axis
          expect(ticks[0]).toBe(lo);
          expect(ticks.at(-1)).toBe(hi);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('draws every line inside the plot, never over the axis and the outcome strip', () => {
    fc.assert(
      fc.property(fc.nat(scrutins.length - 1), fc.constantFrom<[number, number, number]>([70, 23, 7], [100, 0, 0], [0, 100, 0], [55, 35, 10]), (i, split) => {
        const s = scrutins[i]!;
        const markup = renderToStaticMarkup(<KCurveChart points={curveOf(s, split, 'proportional')} officialOutcome={s.outcome} tippingPoint={null} showContre={s.type !== 'MOC'} width={720} height={420} />);
        for (const y of drawnYs(markup)) {
          expect(y).toBeGreaterThanOrEqual(PLOT.top);
          expect(y).toBeLessThanOrEqual(PLOT.bottom);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('starts below the LIOT motion’s 278 pour (VTANR5L16V1240, K = 7, split 70/23/7) and the pension reform’s lowest count (VTANR5L16V3546)', () => {
    for (const [uid, split] of [['VTANR5L16V1240', [70, 23, 7]], ['VTANR5L16V3546', [55, 35, 10]]] as const) {
      const s = byUid.get(uid)!;
      const points = curveOf(s, split, 'proportional');
      const values = kCurveValues(points, s.type !== 'MOC');
      const markup = renderToStaticMarkup(<KCurveChart points={points} officialOutcome={s.outcome} tippingPoint={null} showContre={s.type !== 'MOC'} width={720} height={420} />);
      const ys = drawnYs(markup);
      expect(ys.length, uid).toBeGreaterThan(points.length);
      expect(Math.max(...ys), uid).toBeLessThan(PLOT.bottom);
      expect(valueAxis(values).domain[0], uid).toBeLessThan(Math.min(...values));
    }
    expect(curveOf(byUid.get('VTANR5L16V1240')!, [70, 23, 7], 'proportional')[0]!.pour).toBe(278);
  });
});
