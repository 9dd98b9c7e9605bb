import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ElectionRoundChart } from './election-round';

const props = { candidates: ['Yaël Braun-Pivet (EPR)', 'André Chassaigne (NFP/GDR)'], official: [210, 202], parallel: [180, 230], k: 30 };

describe('an election round as paired bars', () => {
  it('draws the real and the parallel bars per candidate, longest at the widest vote, with each majority', () => {
    const svg = renderToStaticMarkup(<ElectionRoundChart {...props} required={{ official: 285, parallel: 290 }} width={600} />);
    const bars = [...svg.matchAll(/<rect x="215" y="[\d.]+" width="([\d.]+)" height="14"/g)].map((m) => Number(m[1]));
    expect(bars).toHaveLength(4);
    // the axis ends at the largest of votes and majorities (290), 600 − 215 − 56 px wide
    expect(bars[3]).toBeCloseTo((329 * 230) / 290, 1);
    expect(bars[0]! / bars[1]!).toBeCloseTo(210 / 180, 5);
    expect(svg.match(/stroke="#000000" stroke-width="2"/g)).toHaveLength(4);
    expect(svg).toContain('majorité absolue : 285 voix');
    expect(svg).toContain('Avec 30 député·es MaVoix');
  });

  it('draws no majority in a relative round, and speaks English', () => {
    const svg = renderToStaticMarkup(<ElectionRoundChart {...props} required={{ official: null, parallel: null }} locale="en" />);
    expect(svg).not.toContain('majority');
    expect(svg).toContain('With 30 MaVoix deputies');
  });
});
