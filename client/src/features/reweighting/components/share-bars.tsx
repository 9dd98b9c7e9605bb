import { ChartSvg, COLOURS, linearScale, niceTicks, px, SERIES_STYLES } from '@parallele/charts';

/**
 * Horizontal paired bars in the project's SVG chart style (the @parallele/charts theme): for each row, one bar per
 * series, an optional 95 % interval whisker, and "—" for a hidden value (small cell).
 */
export interface BarRow {
  label: string;
  values: (number | null)[];
  intervals?: ([number, number] | null)[];
}

export function ShareBars({ rows, series, title, hiddenLabel, width = 640, percent }: { rows: BarRow[]; series: string[]; title: string; hiddenLabel: string; width?: number; percent: (x: number) => string }) {
  const labelWidth = 190;
  const barH = 12;
  const rowH = series.length * (barH + 2) + 10;
  const top = 40;
  const legendH = 24;
  const height = top + rows.length * rowH + legendH + 24;
  const max = Math.max(0.05, ...rows.flatMap((r) => [...r.values.map((v) => v ?? 0), ...(r.intervals ?? []).map((i) => i?.[1] ?? 0)]));
  const x = linearScale([0, max], [labelWidth, width - 60]);
  const ticks = niceTicks(0, max, 5);
  const colour = (i: number) => (series.length === 2 && i === 1 ? COLOURS.muted : SERIES_STYLES[i % SERIES_STYLES.length]!.colour);
  return (
    <ChartSvg width={width} height={height} title={title}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={px(x(t))} x2={px(x(t))} y1={top - 4} y2={top + rows.length * rowH} stroke={COLOURS.grid} />
          <text x={px(x(t))} y={top + rows.length * rowH + 14} textAnchor="middle" fontSize={11} fill={COLOURS.muted}>
            {percent(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y0 = top + i * rowH;
        return (
          <g key={r.label}>
            <text x={labelWidth - 8} y={y0 + rowH / 2} textAnchor="end" dominantBaseline="middle">
              {r.label}
            </text>
            {r.values.map((v, j) => {
              const y = y0 + 4 + j * (barH + 2);
              const interval = r.intervals?.[j];
              return v === null ? (
                <text key={j} x={labelWidth + 4} y={y + barH / 2} dominantBaseline="middle" fontSize={11} fill={COLOURS.muted}>
                  {hiddenLabel}
                </text>
              ) : (
                <g key={j}>
                  <rect x={labelWidth} y={y} width={Math.max(0, px(x(v) - labelWidth))} height={barH} fill={colour(j)} />
                  {interval ? <line x1={px(x(interval[0]))} x2={px(x(interval[1]))} y1={y + barH / 2} y2={y + barH / 2} stroke={COLOURS.text} strokeWidth={1.5} /> : null}
                  <text x={px(x(interval ? interval[1] : v)) + 4} y={y + barH / 2} dominantBaseline="middle" fontSize={11}>
                    {percent(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      {series.map((s, j) => (
        <g key={s} transform={`translate(${labelWidth + j * 150}, ${height - legendH})`}>
          <rect width={12} height={12} fill={colour(j)} />
          <text x={18} y={10}>
            {s}
          </text>
        </g>
      ))}
    </ChartSvg>
  );
}
