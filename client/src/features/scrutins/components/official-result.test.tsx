import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderInApp } from '../../../test-support/render';
import { realScrutin } from '../../../test-support/real-data';
import { OfficialResult } from './official-result';

describe('the official result', () => {
  afterEach(cleanup);

  it('reads 278 pour for 287 required on the LIOT motion of 20 March 2023', async () => {
    await renderInApp(<OfficialResult s={realScrutin('VTANR5L16V1240')} />);
    expect(screen.getByTestId('official-pour').textContent).toBe('278');
    expect(screen.getByTestId('official-required').textContent).toBe('287');
    expect(screen.getByText('rejeté')).toBeTruthy();
  });

  it('lists every group from left to right with its counts', async () => {
    const s = realScrutin('VTANR5L16V1240');
    await renderInApp(<OfficialResult s={s} />);
    const rows = [...document.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(s.groups.length);
    expect(rows[0]!.textContent).toMatch(/^LFI/);
    expect(rows.at(-1)!.textContent).toMatch(/^NI/);
    const liot = rows.find((r) => r.textContent?.startsWith('LIOT'));
    expect(liot?.querySelectorAll('td')[1]?.textContent).toBe('18');
  });

  it('draws the hemicycle with a seat per member and offers it as SVG, PNG and CSV', async () => {
    await renderInApp(<OfficialResult s={realScrutin('VTANR5L17V3260')} />);
    // (role queries are slow over ~600 seats: read the labelled SVG directly)
    const svg = document.querySelector('svg[role="img"]')!;
    expect(svg.querySelector('title')?.textContent).toMatch(/^Hémicycle officiel/);
    expect(svg.querySelectorAll('g[data-group] > *').length).toBe(realScrutin('VTANR5L17V3260').groups.reduce((n, g) => n + g.members, 0));
    // French typography: narrow no-break spaces inside the guillemets
    const labels = [...document.querySelectorAll('button[aria-label]')].map((b) => b.getAttribute('aria-label'));
    for (const format of ['SVG', 'PNG', 'CSV']) expect(labels).toContain(`Télécharger «\u202fHémicycle officiel\u202f» en ${format}`);
    // ~600 SVG seats under jsdom: 5 s alone, more on a loaded machine
  }, 30_000);
});
