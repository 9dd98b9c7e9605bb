import { Axes, ChartSvg, Legend, Marker, innerBox, linePath, type ChartBox } from './frame';
import { linearScale, niceTicks } from './scale';
import { SERIES_STYLES, chartLabels, type ChartLocale } from './theme';

export interface LeverageSeries {
  /** e.g. the displacement mode: `proportional`, `added` */
  label: string;
  /** flippable scrutins (K* ≤ K) for each K */
  points: readonly { k: number; flippable: number }[];
}

export interface LeverageChartProps {
  series: readonly LeverageSeries[];
  title?: string;
  width?: number;
  height?: number;
  locale?: ChartLocale;
}

/** Scrutins whose outcome a bloc of K could flip, as K grows; one dashed/marked line per mode. */
export function LeverageChart(props: LeverageChartProps) {
  const { series, locale = 'fr' } = props;
  const width = props.width ?? 720;
  const height = props.height ?? 420;
  const L = chartLabels(locale);
  const box: ChartBox = { width, height, margin: { top: 64, right: 24, bottom: 58, left: 72 } };
  const { x0, x1, y0, y1 } = innerBox(box);
  const all = series.flatMap((s) => s.points);
  const kMin = Math.min(...all.map((p) => p.k));
  const kMax = Math.max(...all.map((p) => p.k), kMin + 1);
  const vMax = Math.max(...all.map((p) => p.flippable), 1);
  // a count of scrutins: whole-number ticks only (with nothing flippable, 0 and 1, not 0.2, 0.4…)
  const yTicks = niceTicks(0, vMax * 1.05, 6).filter(Number.isInteger);
  const x = linearScale([kMin, kMax], [x0, x1]);
  const y = linearScale([0, Math.max(yTicks.at(-1) ?? vMax, vMax)], [y0, y1]);
  const markers = all.length / Math.max(1, series.length) <= 30;
  const styled = series.map((s, i) => ({ ...s, style: SERIES_STYLES[i % SERIES_STYLES.length]! }));
  return (
    <ChartSvg width={width} height={height} title={props.title} description={`${props.title ?? ''} — ${L.flippable}`}>
      <Legend x={x0} y={44} items={styled.map((s) => ({ label: s.label, colour: s.style.colour, dash: s.style.dash, marker: s.style.marker }))} />
      <Axes x={x} y={y} xLabel={L.k} yLabel={L.flippable} locale={locale} yTicks={yTicks} />
      {styled.map((s) => (
        <g key={s.label}>
          <path
            d={linePath(s.points.map((p) => ({ x: x(p.k), y: y(p.flippable) })))}
            fill="none"
            stroke={s.style.colour}
            strokeWidth={2}
            strokeDasharray={s.style.dash || undefined}
          />
          {(markers ? s.points : s.points.filter((_, i) => i % Math.ceil(s.points.length / 12) === 0)).map((p) => (
            <Marker key={p.k} shape={s.style.marker} x={x(p.k)} y={y(p.flippable)} colour={s.style.colour} size={3.5} />
          ))}
        </g>
      ))}
    </ChartSvg>
  );
}
