/** Minimal scales and ticks for the SVG charts: no d3, no DOM, the same output in Node and browser. */

export interface LinearScale {
  (v: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const f = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as LinearScale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** "Nice" ticks (1, 2, 5 × 10^n) covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.round(t * 1e9) / 1e9);
  return out;
}

/**
 * A value axis that holds every value given (plotted values and thresholds alike) with a little
 * headroom on both sides, its ends on round ticks: nothing is drawn under the x axis or above the
 * plot. Never below 0 (vote counts).
 */
export function valueAxis(values: readonly number[], count = 6): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const max = finite.length ? Math.max(...finite) : 1;
  const min = finite.length ? Math.min(...finite) : 0;
  const span = Math.max(max - min, Math.abs(max) * 0.02, 1);
  const lo0 = Math.max(0, min - span * 0.08);
  const hi0 = max + span * 0.08;
  const first = niceTicks(lo0, hi0, count);
  const step = first.length > 1 ? first[1]! - first[0]! : 1;
  const lo = Math.max(0, Math.floor(lo0 / step) * step);
  const hi = Math.ceil(hi0 / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step * 1e-9; t += step) ticks.push(Math.round(t * 1e9) / 1e9);
  return { domain: [lo, hi], ticks };
}

/** Rounds to 0.1 px so that the SVG stays small and stable across platforms. */
export const px = (v: number) => Math.round(v * 10) / 10;

/** French number formatting with a thin space as thousands separator, or English. */
export function formatNumber(v: number, locale: 'fr' | 'en' = 'fr'): string {
  const s = Math.abs(v).toString().split('.');
  const int = s[0]!.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'fr' ? '\u202f' : ',');
  const dec = s[1] ? (locale === 'fr' ? ',' : '.') + s[1] : '';
  return (v < 0 ? '−' : '') + int + dec;
}
