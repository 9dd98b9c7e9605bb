import { ChartSvg } from './frame';
import { formatNumber } from './scale';
import { COLOURS, MAVOIX_COLOUR, type ChartLocale } from './theme';

/**
 * One election round (a workshop room's reveal, issue 12) as paired bars per candidate: the real
 * round, then the round with the room's MaVoix bloc (hatched, so it reads without colour), each
 * with the absolute majority it needed as a black tick when the round has one. Plain SVG like every chart here, so
 * the server's report and the scenario runner render it the same (SVG, PNG through resvg).
 */
export interface ElectionRoundChartProps {
  candidates: readonly string[];
  /** votes per candidate, in the candidates' order */
  official: readonly number[];
  parallel: readonly number[];
  /** votes needed to be elected in each (absolute majority of the cast votes), null in a relative round */
  required: { official: number | null; parallel: number | null };
  /** K, for the second series' label */
  k: number;
  title?: string;
  width?: number;
  locale?: ChartLocale;
  idPrefix?: string;
}

const ROW = 40;
const LABEL_W = 215;
const TOP = 64;

export function ElectionRoundChart(props: ElectionRoundChartProps) {
  const { candidates, official, parallel, required, k, title, locale = 'fr', idPrefix = 'er' } = props;
  const width = props.width ?? 560;
  const height = TOP + candidates.length * ROW + (required.official !== null ? 24 : 8);
  const max = Math.max(1, required.official ?? 0, required.parallel ?? 0, ...official, ...parallel);
  const x = (v: number) => LABEL_W + ((width - LABEL_W - 56) * v) / max;
  const fr = locale === 'fr';
  const realLabel = fr ? 'Tour réel' : 'Real round';
  const blocLabel = fr ? `Avec ${k} député·es MaVoix` : `With ${k} MaVoix deputies`;
  const hatch = `${idPrefix}-hatch`;
  return (
    <ChartSvg width={width} height={height} title={title}>
      <defs>
        <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={6} height={6} fill={MAVOIX_COLOUR} />
          <line x1={0} y1={0} x2={0} y2={6} stroke="#ffffff" strokeWidth={2} />
        </pattern>
      </defs>
      <g fontSize={11}>
        <rect x={LABEL_W} y={34} width={12} height={10} fill={COLOURS.adopted} />
        <text x={LABEL_W + 16} y={43}>{realLabel}</text>
        <rect x={LABEL_W + 110} y={34} width={12} height={10} fill={`url(#${hatch})`} />
        <text x={LABEL_W + 126} y={43}>{blocLabel}</text>
      </g>
      {candidates.map((name, i) => {
        const y = TOP + i * ROW;
        return (
          <g key={`${name}-${i}`}>
            <text x={LABEL_W - 8} y={y + 20} textAnchor="end">{name.length > 30 ? `${name.slice(0, 29)}…` : name}</text>
            <rect x={LABEL_W} y={y + 4} width={x(official[i] ?? 0) - LABEL_W} height={14} fill={COLOURS.adopted} />
            <text x={x(official[i] ?? 0) + 4} y={y + 15} fontSize={10}>{formatNumber(official[i] ?? 0, locale)}</text>
            <rect x={LABEL_W} y={y + 19} width={x(parallel[i] ?? 0) - LABEL_W} height={14} fill={`url(#${hatch})`} />
            <text x={x(parallel[i] ?? 0) + 4} y={y + 30} fontSize={10}>{formatNumber(parallel[i] ?? 0, locale)}</text>
            {required.official !== null ? <line x1={x(required.official)} x2={x(required.official)} y1={y + 2} y2={y + 19} stroke={COLOURS.required} strokeWidth={2} /> : null}
            {required.parallel !== null ? <line x1={x(required.parallel)} x2={x(required.parallel)} y1={y + 18} y2={y + 35} stroke={COLOURS.required} strokeWidth={2} /> : null}
          </g>
        );
      })}
      {required.official !== null ? (
        <text x={LABEL_W} y={height - 8} fontSize={10}>{fr ? `| majorité absolue : ${formatNumber(required.official, locale)} voix (tour réel)` : `| absolute majority: ${formatNumber(required.official, locale)} votes (real round)`}</text>
      ) : null}
    </ChartSvg>
  );
}
