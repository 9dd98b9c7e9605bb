import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Hemicycle, luminance } from './hemicycle';
import { layoutArc, seatTotal } from './hemicycle-layout';
import { officialHemicycle } from './hemicycle-groups';
import { realScrutin } from './test-support/real-data';

const lfiot = realScrutin('VTANR5L16V1240');

describe('the hemicycle', () => {
  afterEach(cleanup);

  it('draws one seat per member of the Assembly for the LIOT censure motion of 20 March 2023', () => {
    const groups = officialHemicycle(lfiot);
    const members = lfiot.groups.reduce((s, g) => s + g.members, 0);
    const { container } = render(<Hemicycle groups={groups} title="Officiel" />);
    const seats = container.querySelectorAll('g[data-group] > *');
    expect(seats.length).toBe(members);
    expect(groups.reduce((s, g) => s + seatTotal(g.seats), 0)).toBe(members);
  });

  it('gives contre, abstention and absent seats a shape of their own, not only a colour', () => {
    const z = { pour: 0, contre: 0, abstention: 0, nonVotant: 0, absent: 0 };
    const { container } = render(<Hemicycle groups={[{ id: 'a', label: 'A', colour: '#0D378A', seats: { ...z, pour: 2, contre: 3, abstention: 4, absent: 1 } }]} title="T" showLegend={false} />);
    const seats = [...container.querySelectorAll('g[data-group] > *')];
    // contre: a disc crossed by a bar (a <g> holding a rect); abstention: a white ring
    expect(seats.filter((s) => s.tagName === 'g' && s.querySelector('rect')).length).toBe(3);
    expect(seats.filter((s) => s.getAttribute('fill') === '#ffffff' && s.getAttribute('stroke')).length).toBe(4);
    expect(seats.filter((s) => s.getAttribute('fill-opacity') === '0.2').length).toBe(1);
  });

  it('tells screen readers every group and its positions', () => {
    const { container } = render(<Hemicycle groups={officialHemicycle(lfiot)} title="Résultat officiel" />);
    const svg = container.querySelector('svg[role="img"]')!;
    // named by its <title>, described by its <desc>
    expect(container.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe('Résultat officiel');
    const desc = svg.querySelector('desc')?.textContent ?? '';
    // 573 members sat on 20 March 2023 (four seats were vacant): a seat per member
    expect(desc).toMatch(/^Hémicycle, 573 sièges\./);
    for (const g of lfiot.groups) expect(desc).toContain(g.name ?? g.organeRef);
    expect(desc).toContain('Libertés, Indépendants, Outre-mer et Territoires (20) : 18 pour');
  });

  it('renders on the server to standalone SVG with explicit width and height', () => {
    const markup = renderToStaticMarkup(<Hemicycle groups={officialHemicycle(lfiot)} title="SSR" width={500} />);
    expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="500" height="')).toBe(true);
    expect(markup).toContain('<title id="hemicycle-title">SSR</title>');
  });

  it('lays out seats on arcs without overlaps', () => {
    const arc = layoutArc(577, 300, 300, 280);
    expect(arc.seats).toHaveLength(577);
    let closest = Infinity;
    for (let i = 0; i < arc.seats.length; i++) {
      for (let j = i + 1; j < arc.seats.length; j++) {
        const a = arc.seats[i]!;
        const b = arc.seats[j]!;
        closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
      }
    }
    expect(closest).toBeGreaterThanOrEqual(2 * arc.seatRadius);
  });

  it('knows light from dark group colours (to keep marks visible)', () => {
    expect(luminance('#FFEB00')).toBeGreaterThan(0.6);
    expect(luminance('#0D378A')).toBeLessThan(0.1);
  });
});
