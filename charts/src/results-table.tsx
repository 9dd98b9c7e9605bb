import { ChartSvg } from './frame';
import { px } from './scale';
import { COLOURS } from './theme';

export interface TableColumn {
  key: string;
  label: string;
  /** width in px */
  width: number;
  align?: 'start' | 'end';
}

export type TableRow = Record<string, string | number | null>;

export interface ResultsTableProps {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  title?: string;
  /** rows beyond this are summarised in a last line (the CSV has them all) */
  maxRows?: number;
  /** a row whose `flipped` value is truthy is drawn in bold with a ▶ mark: not only by colour */
  highlightKey?: string;
  locale?: 'fr' | 'en';
}

const ROW = 22;
const HEAD = 28;

/** Cuts a cell to what fits its column (about 6.4 px per character at 11 px). */
export function fitText(value: string, width: number): string {
  const max = Math.max(3, Math.floor((width - 10) / 6.4));
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The results as an SVG table, so that it exports to PNG like the other charts. */
export function ResultsTable(props: ResultsTableProps) {
  const { columns, rows, highlightKey, locale = 'fr' } = props;
  const maxRows = props.maxRows ?? 30;
  const shown = rows.slice(0, maxRows);
  const more = rows.length - shown.length;
  const width = Math.round(columns.reduce((s, c) => s + c.width, 0) + 32);
  const top = props.title ? 44 : 12;
  const height = top + HEAD + ROW * (shown.length + (more > 0 ? 1 : 0)) + 16;
  let cx = 16;
  const xs = columns.map((c) => {
    const x = cx;
    cx += c.width;
    return x;
  });
  return (
    <ChartSvg width={width} height={height} title={props.title}>
      <rect x={16} y={top} width={width - 32} height={HEAD} fill="#EEF2F7" />
      {columns.map((c, i) => (
        <text key={c.key} x={px(c.align === 'end' ? xs[i]! + c.width - 6 : xs[i]! + 6)} y={top + 18} textAnchor={c.align === 'end' ? 'end' : 'start'} fontWeight="bold" fontSize={11}>
          {fitText(c.label, c.width)}
        </text>
      ))}
      {shown.map((r, j) => {
        const y = top + HEAD + ROW * j;
        const hi = highlightKey ? Boolean(r[highlightKey]) : false;
        return (
          <g key={j} fontWeight={hi ? 'bold' : undefined}>
            <rect x={16} y={y} width={width - 32} height={ROW} fill={j % 2 ? '#F7F7F7' : COLOURS.background} />
            {hi ? <text x={6} y={y + 15} fontSize={9}>▶</text> : null}
            {columns.map((c, i) => {
              const v = r[c.key];
              const text = v === null || v === undefined ? '—' : String(v);
              return (
                <text key={c.key} x={px(c.align === 'end' ? xs[i]! + c.width - 6 : xs[i]! + 6)} y={y + 15} textAnchor={c.align === 'end' ? 'end' : 'start'} fontSize={11}>
                  {fitText(text, c.width)}
                </text>
              );
            })}
          </g>
        );
      })}
      {more > 0 ? (
        <text x={22} y={top + HEAD + ROW * shown.length + 15} fontSize={11} fill={COLOURS.muted}>
          {locale === 'fr' ? `… et ${more} autres lignes (voir le CSV)` : `… and ${more} more rows (see the CSV)`}
        </text>
      ) : null}
    </ChartSvg>
  );
}
