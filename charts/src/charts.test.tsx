import { render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KCurveChart } from './k-curve';
import { LeverageChart } from './leverage';
import { PhaseChart } from './phase';
import { ResultsTable, fitText } from './results-table';
import { csvField, svgDocument, svgSize, toCsv } from './export';
import { niceTicks, formatNumber } from './scale';

// The LIOT motion of 20 March 2023 (VTANR5L16V1240): 278 pour, 287 required, rejected.
const points = [0, 1, 2].map((k) => ({ k, pour: 278 + 5 * k, contre: 0, abstentions: 0, required: 287, outcome: (278 + 5 * k >= 287 ? 'adopté' : 'rejeté') as 'adopté' | 'rejeté' }));

describe('chart components', () => {
  it('the K-curve names itself and its tipping point for screen readers, and marks it on the chart', () => {
    const { container } = render(<KCurveChart points={points} officialOutcome="rejeté" tippingPoint={2} title="Motion LIOT" />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('Motion LIOT');
    expect(svg.querySelector('desc')?.textContent).toContain('K = 2');
    expect(container.textContent).toContain('Bascule : K = 2');
    // MOC: no contre line; the outcome strip uses hatching patterns, not only colours
    expect(container.textContent).not.toContain('Contre');
    expect(container.querySelectorAll('pattern')).toHaveLength(2);
    expect([...container.querySelectorAll('.outcome-strip rect')].map((r) => r.getAttribute('fill'))).toEqual(['url(#kc-rejected)', 'url(#kc-rejected)', 'url(#kc-adopted)']);
  });

  it('render the same markup on the server, as a standalone SVG document of the stated size', () => {
    for (const el of [
      <KCurveChart key="k" points={points} officialOutcome="rejeté" tippingPoint={2} width={640} height={360} />,
      <PhaseChart key="p" cells={[{ k: 0, share: 0, outcome: 'rejeté' }, { k: 0, share: 100, outcome: 'rejeté' }, { k: 10, share: 100, outcome: 'adopté' }, { k: 10, share: 0, outcome: 'rejeté' }]} officialOutcome="rejeté" width={640} height={360} />,
      <LeverageChart key="l" series={[{ label: 'proportional', points: [{ k: 1, flippable: 55 }, { k: 10, flippable: 518 }] }]} width={640} height={360} />,
    ]) {
      const doc = svgDocument(renderToStaticMarkup(el));
      expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svgSize(doc)).toEqual({ width: 640, height: 360 });
    }
  });

  it('the phase diagram outlines the cells whose outcome differs from the official one', () => {
    const { container } = render(<PhaseChart cells={[{ k: 0, share: 50, outcome: 'rejeté' }, { k: 10, share: 50, outcome: 'adopté' }]} officialOutcome="rejeté" />);
    const strokes = [...container.querySelectorAll('.cells rect')].map((r) => r.getAttribute('stroke'));
    expect(strokes).toEqual(['none', '#1A1A1A']);
  });

  it('the results table marks flipped rows with a bar and bold, wraps titles, and sends the rest to the CSV', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ uid: `VTANR5L17V${i + 1}`, flipped: i === 0 ? 1 : null }));
    const { container } = render(<ResultsTable columns={[{ key: 'uid', label: 'Scrutin', width: 140 }]} rows={rows} maxRows={3} highlightKey="flipped" />);
    expect(container.querySelectorAll('.highlighted .row-mark')).toHaveLength(1);
    expect(container.textContent).not.toMatch(/▶/);
    expect(container.textContent).toContain('… et 2 autres lignes (voir le CSV)');
    expect(fitText('la motion de censure déposée en application de l’article 49', 120)).toMatch(/…$/);
    const titre = 'la motion de censure déposée en application de l’article 49, alinéa 3, de la Constitution par Mme Mathilde Panot et 50 membres';
    const wrapped = render(<ResultsTable columns={[{ key: 'titre', label: 'Titre', width: 300, wrap: true }]} rows={[{ titre }]} />);
    const lines = [...wrapped.container.querySelectorAll('g tspan')].map((t) => t.textContent);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(titre);
  });
});

describe('chart exports and scales', () => {
  it('CSV follows RFC 4180: quotes commas, quotes and line breaks, CRLF line ends', () => {
    expect(csvField('l\'amendement n° 12, rect.')).toBe('"l\'amendement n° 12, rect."');
    expect(csvField('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvField(null)).toBe('');
    expect(toCsv([{ k: 1, outcome: 'adopté' }], ['k', 'outcome'])).toBe('k,outcome\r\n1,adopté\r\n');
  });

  it('ticks are round numbers and French numbers use a narrow no-break space', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(278, 298, 4)).toEqual([280, 285, 290, 295]);
    expect(formatNumber(3876)).toBe('3\u202f876');
    expect(formatNumber(3876, 'en')).toBe('3,876');
  });
});
