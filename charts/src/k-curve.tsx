import { Axes, ChartSvg, Legend, Marker, OutcomePatterns, innerBox, linePath, type ChartBox, type LegendItem } from './frame';
import type { KCurve } from '@parallele/core';
import { formatNumber, linearScale, px, valueAxis } from './scale';
import { COLOURS, chartLabels, type ChartLocale } from './theme';

export interface KCurvePoint {
  k: number;
  pour: number;
  contre: number;
  abstentions: number;
  required: number;
  outcome: 'adopté' | 'rejeté';
}

export interface KCurveChartProps {
  points: readonly KCurvePoint[];
  /** The official outcome (K = 0), to mark where the parallel outcome differs */
  officialOutcome: 'adopté' | 'rejeté';
  /** Smallest K whose outcome differs from the official one, or null */
  tippingPoint: number | null;
  /** Motions de censure have no contre: the line is left out */
  showContre?: boolean;
  title?: string;
  width?: number;
  height?: number;
  locale?: ChartLocale;
  /** Unique per page: pattern ids are `${idPrefix}-adopted`… */
  idPrefix?: string;
  /** other horizontal lines the y axis must hold (e.g. a majority of the members) */
  thresholds?: readonly number[];
}

/** The K-curve's points from core's `kCurve` (column i is K = from + i). */
export function kCurvePoints(c: KCurve): KCurvePoint[] {
  return Array.from(c.pour, (_, i) => ({ k: c.from + i, pour: c.pour[i]!, contre: c.contre[i]!, abstentions: c.abstentions[i]!, required: c.required[i]!, outcome: c.adopted[i] ? ('adopté' as const) : ('rejeté' as const) }));
}

/** The values the K-curve plots (and must show): pour, contre when drawn, required, thresholds. */
export const kCurveValues = (points: readonly KCurvePoint[], showContre: boolean, thresholds: readonly number[] = []): number[] =>
  [...points.flatMap((p) => (showContre ? [p.pour, p.contre, p.required] : [p.pour, p.required])), ...thresholds];

const STRIP = 14;

/** Pour, contre and the required count as K grows, with the outcome strip and the tipping point. */
export function KCurveChart(props: KCurveChartProps) {
  const { points, tippingPoint, locale = 'fr', idPrefix = 'kc' } = props;
  const width = props.width ?? 720;
  const height = props.height ?? 420;
  const L = chartLabels(locale);
  const showContre = props.showContre ?? points.some((p) => p.contre > 0);
  const box: ChartBox = { width, height, margin: { top: 64, right: 24, bottom: 58 + STRIP, left: 64 } };
  const { x0, x1, y0, y1 } = innerBox(box);
  const ks = points.map((p) => p.k);
  const kMin = Math.min(...ks);
  const kMax = Math.max(...ks, kMin + 1);
  const { domain, ticks: yTicks } = valueAxis(kCurveValues(points, showContre, props.thresholds), 6);
  const x = linearScale([kMin, kMax], [x0, x1]);
  const y = linearScale(domain, [y0, y1]);
  const markers = points.length <= 40;
  const series = [
    { key: 'pour' as const, label: L.pour, colour: COLOURS.pour, dash: '', marker: 'circle' as const },
    ...(showContre ? [{ key: 'contre' as const, label: L.contre, colour: COLOURS.contre, dash: '8 4', marker: 'square' as const }] : []),
    { key: 'required' as const, label: L.required, colour: COLOURS.required, dash: '2 3', marker: 'triangle' as const },
  ];
  const legend: LegendItem[] = [
    ...series.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash, ...(markers ? { marker: s.marker } : {}) })),
    { label: L.adopted, colour: COLOURS.adopted, swatch: `url(#${idPrefix}-adopted)` },
    { label: L.rejected, colour: COLOURS.rejected, swatch: `url(#${idPrefix}-rejected)` },
  ];
  const step = points.length > 1 ? (x1 - x0) / (kMax - kMin) : x1 - x0;
  const stripY = y0 + 24;
  const desc = `${props.title ?? ''} — ${L.tipping}: ${tippingPoint === null ? L.none : `K = ${tippingPoint}`}`;
  return (
    <ChartSvg width={width} height={height} title={props.title} description={desc}>
      <OutcomePatterns idPrefix={idPrefix} adopted={COLOURS.adopted} rejected={COLOURS.rejected} />
      <Legend items={legend} x={x0} y={44} />
      <Axes x={x} y={y} xLabel={L.k} yLabel={L.votes} locale={locale} yTicks={yTicks} xLabelOffset={56} />
      <g className="outcome-strip">
        {points.map((p) => (
          <rect
            key={p.k}
            x={px(x(p.k) - step / 2)}
            y={px(stripY)}
            width={px(Math.max(step, 0.5))}
            height={STRIP}
            fill={`url(#${idPrefix}-${p.outcome === 'adopté' ? 'adopted' : 'rejected'})`}
          >
            <title>{`K = ${p.k}: ${p.outcome === 'adopté' ? L.adopted : L.rejected}`}</title>
          </rect>
        ))}
      </g>
      {series.map((s) => (
        <g key={s.key}>
          <path d={linePath(points.map((p) => ({ x: x(p.k), y: y(p[s.key]) })))} fill="none" stroke={s.colour} strokeWidth={2} strokeDasharray={s.dash || undefined} />
          {markers ? points.map((p) => <Marker key={p.k} shape={s.marker} x={x(p.k)} y={y(p[s.key])} colour={s.colour} size={3} />) : null}
        </g>
      ))}
      {(props.thresholds ?? []).map((t) => (
        <line key={`t${t}`} className="threshold" x1={px(x0)} x2={px(x1)} y1={px(y(t))} y2={px(y(t))} stroke={COLOURS.muted} strokeWidth={1} strokeDasharray="6 3" />
      ))}
      {tippingPoint !== null && tippingPoint >= kMin && tippingPoint <= kMax ? (
        <g className="tipping-point">
          <line x1={px(x(tippingPoint))} x2={px(x(tippingPoint))} y1={px(y1)} y2={px(stripY + STRIP)} stroke={COLOURS.axis} strokeWidth={1.5} strokeDasharray="5 3" />
          <text x={px(Math.min(x(tippingPoint) + 6, x1 - 4))} y={px(y1 + 14)} textAnchor={x(tippingPoint) + 130 > x1 ? 'end' : 'start'} fontWeight="bold">
            {`${L.tipping}${locale === 'fr' ? ' : ' : ': '}K = ${formatNumber(tippingPoint, locale)}`}
          </text>
        </g>
      ) : null}
    </ChartSvg>
  );
}
