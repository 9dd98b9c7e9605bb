import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ShareBars } from './share-bars';

describe('ShareBars', () => {
  it('draws a bar per value, an interval whisker, and a dash for a hidden (small) cell', () => {
    const svg = renderToStaticMarkup(
      <ShareBars
        title="Âge"
        series={['Votant·es', 'Population']}
        hiddenLabel="—"
        percent={(x) => `${Math.round(x * 100)} %`}
        rows={[
          { label: '18-24', values: [0.4, 0.1], intervals: [[0.3, 0.5], null] },
          { label: '65+', values: [null, 0.27] },
        ]}
      />,
    );
    expect(svg.match(/<rect x="190"/g)).toHaveLength(3);
    expect(svg).toContain('>—</text>');
    expect(svg).toContain('>40 %</text>');
    expect(svg.match(/stroke-width="1.5"/g)).toHaveLength(1);
    expect(svg).toContain('<title>Âge</title>');
  });
});
