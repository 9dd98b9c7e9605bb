import { Axes, ChartSvg, Legend, OutcomePatterns, innerBox, type ChartBox } from './frame';
import { linearScale, niceTicks, px } from './scale';
import { COLOURS, chartLabels, type ChartLocale } from './theme';

export interface PhaseCell {
  k: number;
  /** pour share of the MaVoix bloc, in percent (contre takes the rest) */
  share: number;
  outcome: 'adopté' | 'rejeté';
}

export interface PhaseChartProps {
  cells: readonly PhaseCell[];
  officialOutcome: 'adopté' | 'rejeté';
  title?: string;
  width?: number;
  height?: number;
  locale?: ChartLocale;
  idPrefix?: string;
}

/**
 * The phase diagram: for each K (x) and pour share (y), the parallel outcome. Outcomes are told
 * apart by colour and by hatching (diagonal lines = adopted, dots = rejected); cells whose outcome
 * differs from the official one get a dark outline, a third cue that survives greyscale.
 */
export function PhaseChart(props: PhaseChartProps) {
  const { cells, officialOutcome, locale = 'fr', idPrefix = 'ph' } = props;
  const width = props.width ?? 720;
  const height = props.height ?? 420;
  const L = chartLabels(locale);
  const box: ChartBox = { width, height, margin: { top: 64, right: 24, bottom: 58, left: 64 } };
  const { x0, x1, y0, y1 } = innerBox(box);
  const ks = [...new Set(cells.map((c) => c.k))].sort((a, b) => a - b);
  const shares = [...new Set(cells.map((c) => c.share))].sort((a, b) => a - b);
  const kStep = ks.length > 1 ? ks[1]! - ks[0]! : 1;
  const sStep = shares.length > 1 ? shares[1]! - shares[0]! : 1;
  const kMin = (ks[0] ?? 0) - kStep / 2;
  const kMax = (ks.at(-1) ?? 1) + kStep / 2;
  const sMin = (shares[0] ?? 0) - sStep / 2;
  const sMax = (shares.at(-1) ?? 100) + sStep / 2;
  const x = linearScale([kMin, kMax], [x0, x1]);
  const y = linearScale([sMin, sMax], [y0, y1]);
  const cw = Math.abs(x(kStep) - x(0));
  const ch = Math.abs(y(sStep) - y(0));
  const official = officialOutcome === 'adopté' ? L.adopted : L.rejected;
  return (
    <ChartSvg width={width} height={height} title={props.title} description={`${props.title ?? ''} — ${L.official}: ${official}`}>
      <OutcomePatterns idPrefix={idPrefix} adopted={COLOURS.adopted} rejected={COLOURS.rejected} />
      <Legend
        x={x0}
        y={44}
        items={[
          { label: L.adopted, colour: COLOURS.adopted, swatch: `url(#${idPrefix}-adopted)` },
          { label: L.rejected, colour: COLOURS.rejected, swatch: `url(#${idPrefix}-rejected)` },
          // French typography in French (a space before the colon), English in English
          { label: `${L.official}${locale === 'fr' ? '\u00a0:' : ':'} ${official}`, colour: COLOURS.axis, swatch: COLOURS.background },
        ]}
      />
      <g className="cells">
        {cells.map((c) => (
          <rect
            key={`${c.k}-${c.share}`}
            x={px(x(c.k - kStep / 2))}
            y={px(y(c.share + sStep / 2))}
            width={px(cw)}
            height={px(ch)}
            fill={`url(#${idPrefix}-${c.outcome === 'adopté' ? 'adopted' : 'rejected'})`}
            stroke={c.outcome !== officialOutcome ? COLOURS.text : 'none'}
            strokeWidth={c.outcome !== officialOutcome ? 0.6 : 0}
          >
            <title>{`K = ${c.k}, ${c.share} % : ${c.outcome === 'adopté' ? L.adopted : L.rejected}`}</title>
          </rect>
        ))}
      </g>
      <Axes
        x={x}
        y={y}
        xLabel={L.k}
        yLabel={L.pourShare}
        locale={locale}
        grid={false}
        xTicks={niceTicks(ks[0] ?? 0, ks.at(-1) ?? 1, 8)}
        yTicks={niceTicks(shares[0] ?? 0, shares.at(-1) ?? 100, 5)}
      />
    </ChartSvg>
  );
}
