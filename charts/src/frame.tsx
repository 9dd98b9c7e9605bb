import type { ReactNode } from 'react';
import { formatNumber, niceTicks, px, type LinearScale } from './scale';
import { COLOURS, FONT_FAMILY, type ChartLocale, type MarkerShape } from './theme';

/**
 * Plain-SVG building blocks of every chart. Recharts 3 cannot render on the server: with fixed
 * width/height, `renderToStaticMarkup(<LineChart …>)` returns only
 * `<div class="recharts-wrapper" …></div>` (checked on recharts 3.10.1, recharts issue #5997),
 * because it draws its SVG after layout effects that never run server-side. The exported PNG/SVG
 * must look the same as the web client, so the charts are plain SVG React, rendered identically by
 * react-dom/client in the browser and react-dom/server in Node.
 */

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const innerBox = (b: ChartBox) => ({
  x0: b.margin.left,
  x1: b.width - b.margin.right,
  y0: b.height - b.margin.bottom,
  y1: b.margin.top,
});

export function ChartSvg(props: { width: number; height: number; title?: string | undefined; description?: string | undefined; children: ReactNode }) {
  const { width, height, title, description, children } = props;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      fontFamily={FONT_FAMILY}
      fontSize={12}
      fill={COLOURS.text}
    >
      {title ? <title>{title}</title> : null}
      {description ? <desc>{description}</desc> : null}
      <rect x={0} y={0} width={width} height={height} fill={COLOURS.background} />
      {title ? (
        <text x={width / 2} y={22} textAnchor="middle" fontSize={15} fontWeight="bold">
          {title}
        </text>
      ) : null}
      {children}
    </svg>
  );
}

export function Axes(props: {
  x: LinearScale;
  y: LinearScale;
  xLabel: string;
  yLabel: string;
  locale: ChartLocale;
  xTicks?: number[];
  yTicks?: number[];
  grid?: boolean;
  /** distance from the x axis to its label (room for a strip under the ticks) */
  xLabelOffset?: number;
}) {
  const { x, y, xLabel, yLabel, locale } = props;
  const xTicks = props.xTicks ?? niceTicks(x.domain[0], x.domain[1], 8);
  const yTicks = props.yTicks ?? niceTicks(y.domain[0], y.domain[1], 6);
  const [xa, xb] = x.range;
  const [ya, yb] = y.range;
  return (
    <g className="axes" fontSize={11}>
      {props.grid !== false
        ? yTicks.map((t) => <line key={`g${t}`} x1={px(xa)} x2={px(xb)} y1={px(y(t))} y2={px(y(t))} stroke={COLOURS.grid} strokeWidth={1} />)
        : null}
      <line x1={px(xa)} x2={px(xb)} y1={px(ya)} y2={px(ya)} stroke={COLOURS.axis} />
      <line x1={px(xa)} x2={px(xa)} y1={px(ya)} y2={px(yb)} stroke={COLOURS.axis} />
      {xTicks.map((t) => (
        <g key={`x${t}`}>
          <line x1={px(x(t))} x2={px(x(t))} y1={px(ya)} y2={px(ya + 5)} stroke={COLOURS.axis} />
          <text x={px(x(t))} y={px(ya + 18)} textAnchor="middle">
            {formatNumber(t, locale)}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line x1={px(xa - 5)} x2={px(xa)} y1={px(y(t))} y2={px(y(t))} stroke={COLOURS.axis} />
          <text x={px(xa - 8)} y={px(y(t) + 4)} textAnchor="end">
            {formatNumber(t, locale)}
          </text>
        </g>
      ))}
      <text x={px((xa + xb) / 2)} y={px(ya + (props.xLabelOffset ?? 38))} textAnchor="middle" fontSize={12}>
        {xLabel}
      </text>
      <text transform={`translate(${px(xa - 48)} ${px((ya + yb) / 2)}) rotate(-90)`} textAnchor="middle" fontSize={12}>
        {yLabel}
      </text>
    </g>
  );
}

export function Marker(props: { shape: MarkerShape; x: number; y: number; colour: string; size?: number }) {
  const { shape, colour } = props;
  const s = props.size ?? 4;
  const x = px(props.x);
  const y = px(props.y);
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={s} fill={colour} />;
    case 'square':
      return <rect x={px(x - s)} y={px(y - s)} width={2 * s} height={2 * s} fill={colour} />;
    case 'triangle':
      return <path d={`M${x} ${px(y - s - 1)}L${px(x + s + 1)} ${px(y + s)}L${px(x - s - 1)} ${px(y + s)}Z`} fill={colour} />;
    case 'diamond':
      return <path d={`M${x} ${px(y - s - 1)}L${px(x + s + 1)} ${y}L${x} ${px(y + s + 1)}L${px(x - s - 1)} ${y}Z`} fill={colour} />;
    case 'cross':
      return <path d={`M${px(x - s)} ${px(y - s)}L${px(x + s)} ${px(y + s)}M${px(x - s)} ${px(y + s)}L${px(x + s)} ${px(y - s)}`} stroke={colour} strokeWidth={2} />;
  }
}

export interface LegendItem {
  label: string;
  colour: string;
  dash?: string;
  marker?: MarkerShape;
  /** a filled swatch (with an optional pattern id) instead of a line */
  swatch?: string;
}

/** A one-row legend under the title; every entry shows its line style and marker, not only a colour. */
export function Legend(props: { items: LegendItem[]; x: number; y: number }) {
  let cx = props.x;
  return (
    <g className="legend" fontSize={11}>
      {props.items.map((it) => {
        const x = cx;
        cx += 44 + it.label.length * 6.6;
        return (
          <g key={it.label}>
            {it.swatch ? (
              <rect x={x} y={props.y - 7} width={26} height={12} fill={it.swatch} stroke={COLOURS.axis} strokeWidth={0.5} />
            ) : (
              <line x1={x} x2={x + 26} y1={props.y} y2={props.y} stroke={it.colour} strokeWidth={2} strokeDasharray={it.dash || undefined} />
            )}
            {it.marker ? <Marker shape={it.marker} x={x + 13} y={props.y} colour={it.colour} size={3.5} /> : null}
            <text x={x + 32} y={props.y + 4}>
              {it.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A polyline path through points, broken where a value is null. */
export function linePath(points: readonly { x: number; y: number | null }[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(p.x)} ${px(p.y)}`;
    pen = true;
  }
  return d;
}

/** Hatching patterns: the non-colour encoding of adopted (diagonal lines) vs rejected (dots). */
export function OutcomePatterns(props: { idPrefix: string; adopted: string; rejected: string }) {
  const { idPrefix } = props;
  return (
    <defs>
      <pattern id={`${idPrefix}-adopted`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <rect width={6} height={6} fill={props.adopted} />
        <path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="#FFFFFF" strokeWidth={1.2} strokeOpacity={0.55} />
      </pattern>
      <pattern id={`${idPrefix}-rejected`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <rect width={6} height={6} fill={props.rejected} />
        <circle cx={3} cy={3} r={1.1} fill="#FFFFFF" fillOpacity={0.6} />
      </pattern>
    </defs>
  );
}
