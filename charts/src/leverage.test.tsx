import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LeverageChart } from './leverage';

const tickLabels = (svg: string) => [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the leverage chart', () => {
  it('counts scrutins in whole numbers, even when none can flip', () => {
    const none = renderToStaticMarkup(<LeverageChart series={[{ label: 'proportional', points: [1, 5, 10].map((k) => ({ k, flippable: 0 })) }]} locale="en" />);
    const labels = tickLabels(none);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label, labels.join(' ')).toMatch(/^\d+$/);
  });
});
