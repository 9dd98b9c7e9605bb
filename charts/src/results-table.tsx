import { ChartSvg } from './frame';
import { wrapText } from './poster';
import { px } from './scale';
import { COLOURS } from './theme';

export interface TableColumn {
  key: string;
  label: string;
  /** width in px */
  width: number;
  align?: 'start' | 'end';
  /** wrap long values on several lines instead of cutting them (titles) */
  wrap?: boolean;
}

export type TableRow = Record<string, string | number | null>;

export interface ResultsTableProps {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  title?: string;
  /** rows beyond this are summarised in a last line (the CSV has them all) */
  maxRows?: number;
  /** a row whose value here is truthy is drawn in bold with a bar in the margin: not only by colour */
  highlightKey?: string;
  locale?: 'fr' | 'en';
}

const LINE = 15;
const PAD = 7;
const HEAD_LINE = 14;

/** Cuts a cell to what fits its column (about 6.4 px per character at 11 px). */
export function fitText(value: string, width: number): string {
  const max = Math.max(3, Math.floor((width - 10) / 6.4));
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

const cellLines = (value: string, c: TableColumn, bold = false): string[] => (c.wrap ? wrapText(value, c.width - 12, 11, bold) : [fitText(value, c.width)]);

/** The results as an SVG table, so that it exports to PNG like the other charts; titles wrap. */
export function ResultsTable(props: ResultsTableProps) {
  const { columns, rows, highlightKey, locale = 'fr' } = props;
  const maxRows = props.maxRows ?? 30;
  const shown = rows.slice(0, maxRows);
  const more = rows.length - shown.length;
  const width = Math.round(columns.reduce((s, c) => s + c.width, 0) + 32);
  const top = props.title ? 44 : 12;
  const heads = columns.map((c) => wrapText(c.label, c.width - 12, 11, true));
  const head = PAD * 2 + HEAD_LINE * Math.max(1, ...heads.map((h) => h.length));
  const cells = shown.map((r) => columns.map((c) => {
    const v = r[c.key];
    return cellLines(v === null || v === undefined ? '—' : String(v), c, highlightKey ? Boolean(r[highlightKey]) : false);
  }));
  const heights = cells.map((row) => PAD * 2 + LINE * Math.max(1, ...row.map((l) => l.length)));
  const tops = heights.reduce<number[]>((acc, h, j) => [...acc, acc[j]! + h], [top + head]);
  const bodyEnd = tops.at(-1)!;
  const height = bodyEnd + (more > 0 ? 22 : 0) + 16;
  let cx = 16;
  const xs = columns.map((c) => {
    const x = cx;
    cx += c.width;
    return x;
  });
  const tx = (c: TableColumn, i: number) => px(c.align === 'end' ? xs[i]! + c.width - 6 : xs[i]! + 6);
  return (
    <ChartSvg width={width} height={height} title={props.title}>
      <rect x={16} y={top} width={width - 32} height={head} fill="#EEF2F7" />
      {columns.map((c, i) => (
        <text key={c.key} x={tx(c, i)} y={top + PAD + 11} textAnchor={c.align === 'end' ? 'end' : 'start'} fontWeight="bold" fontSize={11}>
          {heads[i]!.map((l, n) => <tspan key={n} x={tx(c, i)} dy={n === 0 ? 0 : HEAD_LINE}>{l}</tspan>)}
        </text>
      ))}
      {shown.map((r, j) => {
        const y = tops[j]!;
        const hi = highlightKey ? Boolean(r[highlightKey]) : false;
        return (
          <g key={j} fontWeight={hi ? 'bold' : undefined} className={hi ? 'highlighted' : undefined}>
            <rect x={16} y={y} width={width - 32} height={heights[j]} fill={j % 2 ? '#F7F7F7' : COLOURS.background} />
            {hi ? <rect className="row-mark" x={8} y={y + 3} width={4} height={heights[j]! - 6} fill={COLOURS.text} /> : null}
            {columns.map((c, i) => (
              <text key={c.key} x={tx(c, i)} y={y + PAD + 11} textAnchor={c.align === 'end' ? 'end' : 'start'} fontSize={11}>
                {cells[j]![i]!.map((l, n) => <tspan key={n} x={tx(c, i)} dy={n === 0 ? 0 : LINE}>{l}</tspan>)}
              </text>
            ))}
          </g>
        );
      })}
      {more > 0 ? (
        <text x={22} y={bodyEnd + 15} fontSize={11} fill={COLOURS.muted}>
          {locale === 'fr' ? `… et ${more} autres lignes (voir le CSV)` : `… and ${more} more rows (see the CSV)`}
        </text>
      ) : null}
    </ChartSvg>
  );
}
