import type { ReactElement } from 'react';
import { dealSeats, layoutArc, seatTotal, SEAT_POSITIONS, type GroupSeats, type SeatCounts, type SeatPosition } from './hemicycle-layout';

/**
 * The hemicycle, seat by seat, by group. Pure SVG with explicit width and height and no DOM or
 * window access, so the scenario runner renders it on the server (renderToStaticMarkup) exactly as
 * the browser does. Colour is the group's; the vote is carried by shape as well (a second,
 * non-colour encoding): a full disc is pour, a disc crossed by a bar (−) contre, a ring abstention,
 * a small dot non-votant, a faint disc absent. Groups are also named on the arch and in the legend.
 */

export interface HemicycleGroup {
  id: string;
  /** short label (abbreviation) shown on the arch and in the legend */
  label: string;
  /** shorter label for the arch when `label` is long ("LFI" for "LFI - NUPES") */
  short?: string;
  /** full name, read by screen readers */
  name?: string;
  colour: string | null;
  seats: SeatCounts;
  /** outlined seats: the MaVoix bloc */
  emphasis?: boolean;
}

export interface HemicycleLabels {
  positions: Record<SeatPosition, string>;
  /** "sièges" */
  seats: string;
  /** "Hémicycle de {n} sièges" without the number, e.g. "Hémicycle" */
  chart: string;
}

export const FRENCH_LABELS: HemicycleLabels = {
  positions: { pour: 'pour', contre: 'contre', abstention: 'abstention', nonVotant: 'non-votant', absent: 'absent' },
  seats: 'sièges',
  chart: 'Hémicycle',
};

export interface HemicycleProps {
  groups: readonly HemicycleGroup[];
  title: string;
  width?: number;
  /** big line in the middle of the arch, e.g. "278 pour" */
  headline?: string;
  /** smaller line under it, e.g. "287 requis" */
  subline?: string;
  labels?: HemicycleLabels;
  locale?: string;
  /** prefix of the ids inside the SVG (several hemicycles on one page) */
  idPrefix?: string;
  showLegend?: boolean;
}

const FALLBACK_COLOUR = '#8a8f99';
const INK = '#1b2a4a';

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 0.5;
  const n = parseInt(m[1]!, 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

function safeColour(c: string | null): string {
  return c && /^#[0-9a-f]{6}$/i.test(c.trim()) ? c.trim() : FALLBACK_COLOUR;
}

/** One seat glyph; `x`, `y` its centre, `r` its radius. */
export function SeatGlyph({ x, y, r, position, colour, emphasis }: { x: number; y: number; r: number; position: SeatPosition; colour: string; emphasis?: boolean }): ReactElement {
  const light = luminance(colour) > 0.6;
  const outline = emphasis ? { stroke: INK, strokeWidth: Math.max(0.6, r * 0.28) } : light ? { stroke: '#5b6270', strokeWidth: Math.max(0.4, r * 0.15) } : {};
  switch (position) {
    case 'pour':
      return <circle cx={x} cy={y} r={r} fill={colour} {...outline} />;
    case 'contre':
      return (
        <g>
          <circle cx={x} cy={y} r={r} fill={colour} {...outline} />
          <rect x={x - r * 0.62} y={y - r * 0.19} width={r * 1.24} height={r * 0.38} fill={light ? INK : '#ffffff'} />
        </g>
      );
    case 'abstention':
      return <circle cx={x} cy={y} r={r * 0.78} fill="#ffffff" stroke={light ? '#5b6270' : colour} strokeWidth={r * 0.42} />;
    case 'nonVotant':
      return <circle cx={x} cy={y} r={r * 0.42} fill={light ? '#5b6270' : colour} />;
    case 'absent':
      return <circle cx={x} cy={y} r={r * 0.8} fill={colour} fillOpacity={0.2} stroke={colour} strokeOpacity={0.55} strokeWidth={Math.max(0.3, r * 0.12)} />;
  }
}

function describe(groups: readonly HemicycleGroup[], labels: HemicycleLabels, fmt: (n: number) => string): string {
  const total = groups.reduce((s, g) => s + seatTotal(g.seats), 0);
  const parts = groups
    .filter((g) => seatTotal(g.seats) > 0)
    .map((g) => {
      const counts = SEAT_POSITIONS.filter((p) => g.seats[p] > 0).map((p) => `${fmt(g.seats[p])} ${labels.positions[p]}`);
      return `${g.name ?? g.label} (${fmt(seatTotal(g.seats))}) : ${counts.join(', ')}`;
    });
  return `${labels.chart}, ${fmt(total)} ${labels.seats}. ${parts.join(' ; ')}.`;
}

const approxTextWidth = (text: string, size: number) => text.length * size * 0.56;

interface ArchLabel {
  id: string;
  text: string;
  /** angle of the middle of the group's wedge */
  angle: number;
  anchor: 'start' | 'middle' | 'end';
  width: number;
}

/** A label for each group whose wedge is wide enough, anchored away from the arch at the sides. */
function archLabels(dealt: readonly GroupSeats<HemicycleGroup>[], seats: readonly { angle: number }[], total: number, size: number): ArchLabel[] {
  return dealt.flatMap(({ group, start, positions }) => {
    if (positions.length < Math.max(8, total * 0.03)) return [];
    const first = seats[start];
    const last = seats[start + positions.length - 1];
    if (!first || !last) return [];
    const angle = (first.angle + last.angle) / 2;
    const cos = Math.cos(angle);
    const text = group.short ?? group.label;
    return [{ id: group.id, text, angle, anchor: cos < -0.35 ? 'end' : cos > 0.35 ? 'start' : 'middle', width: approxTextWidth(text, size) }];
  });
}

/** The largest arch radius for which this label, `gap` beyond the arch, stays within `half` of the centre. */
function labelFit(l: ArchLabel, half: number, gap: number): number {
  const c = Math.abs(Math.cos(l.angle));
  const reach = l.anchor === 'middle' ? l.width / 2 : l.width;
  return c < 1e-6 ? Infinity : (half - reach) / c - gap;
}

/** Legend rows: the five glyphs, then one swatch per group, wrapped to the width. */
function legendLayout(groups: readonly HemicycleGroup[], labels: HemicycleLabels, width: number, size: number, fmt: (n: number) => string) {
  type Item = { key: string; text: string; glyph: SeatPosition; colour: string; emphasis?: boolean };
  const positionItems: Item[] = SEAT_POSITIONS.map((p) => ({ key: `p-${p}`, text: labels.positions[p], glyph: p, colour: '#59627a' }));
  const groupItems: Item[] = groups
    .filter((g) => seatTotal(g.seats) > 0)
    .map((g) => ({ key: `g-${g.id}`, text: `${g.label} ${fmt(seatTotal(g.seats))}`, glyph: 'pour', colour: safeColour(g.colour), emphasis: g.emphasis }));
  const rows: { item: Item; x: number; line: number }[] = [];
  let line = 0;
  for (const list of [positionItems, groupItems]) {
    let x = 0;
    for (const item of list) {
      const w = size * 1.6 + approxTextWidth(item.text, size) + size;
      if (x > 0 && x + w > width) {
        line++;
        x = 0;
      }
      rows.push({ item, x, line });
      x += w;
    }
    line++;
  }
  return { rows, lines: line };
}

export function Hemicycle({ groups, title, width = 640, headline, subline, labels = FRENCH_LABELS, locale = 'fr-FR', idPrefix = 'hemicycle', showLegend = true }: HemicycleProps): ReactElement {
  const nf = new Intl.NumberFormat(locale);
  const fmt = (n: number) => nf.format(n);
  const pad = Math.max(8, width * 0.02);
  const labelBand = Math.max(14, width * 0.035);
  const fontSize = Math.max(10, Math.min(14, width / 48));
  const total = groups.reduce((s, g) => s + seatTotal(g.seats), 0);
  const dealt = dealSeats(groups);
  // The seats' angles do not depend on the radius: place the labels first, then take the largest
  // radius that keeps every label inside the image (labels at the ends of the arch stick out).
  const probe = layoutArc(total, 0, 0, 1);
  const onArch = archLabels(dealt, probe.seats, total, fontSize * 0.95);
  const maxRadius = width / 2 - pad - labelBand;
  const radius = onArch.reduce((r, l) => Math.min(r, labelFit(l, width / 2 - pad, labelBand * 0.35)), maxRadius);
  const cx = width / 2;
  const cy = pad + labelBand + radius;
  const arc = layoutArc(total, cx, cy, radius);
  const legend = showLegend ? legendLayout(groups, labels, width - 2 * pad, fontSize, fmt) : { rows: [], lines: 0 };
  const legendTop = cy + pad + fontSize * 0.6;
  const lineHeight = fontSize * 1.7;
  const height = Math.ceil(showLegend ? legendTop + legend.lines * lineHeight + pad : cy + pad);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;

  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId} className="hemicycle" fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{describe(groups, labels, fmt)}</desc>
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <g aria-hidden="true">
        {dealt.map(({ group, start, positions }) => (
          <g key={group.id} data-group={group.id}>
            {positions.map((p, i) => {
              const seat = arc.seats[start + i];
              return seat ? <SeatGlyph key={i} x={seat.x} y={seat.y} r={arc.seatRadius} position={p} colour={safeColour(group.colour)} emphasis={group.emphasis} /> : null;
            })}
          </g>
        ))}
        {onArch.map((l) => {
          const r = radius + labelBand * 0.35;
          return (
            <text key={l.id} x={cx + r * Math.cos(l.angle)} y={cy - r * Math.sin(l.angle)} textAnchor={l.anchor} dominantBaseline="middle" fontSize={fontSize * 0.95} fontWeight={600} fill={INK}>
              {l.text}
            </text>
          );
        })}
        {headline ? (
          <text x={cx} y={cy - fontSize * (subline ? 1.6 : 0.4)} textAnchor="middle" fontSize={fontSize * 2.1} fontWeight={700} fill={INK}>
            {headline}
          </text>
        ) : null}
        {subline ? (
          <text x={cx} y={cy - fontSize * 0.2} textAnchor="middle" fontSize={fontSize * 1.1} fill="#3d4a66">
            {subline}
          </text>
        ) : null}
        {legend.rows.map(({ item, x, line }) => {
          const y = legendTop + line * lineHeight + fontSize * 0.5;
          const gx = pad + x + fontSize * 0.6;
          return (
            <g key={item.key}>
              <SeatGlyph x={gx} y={y} r={fontSize * 0.45} position={item.glyph} colour={item.colour} emphasis={item.emphasis} />
              <text x={gx + fontSize * 0.9} y={y} dominantBaseline="central" fontSize={fontSize} fill={INK}>
                {item.text}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
