/**
 * Export helpers shared by the web client (download buttons) and the scenario runner (files).
 * Pure string work: no DOM, no Node, so they run in both.
 */

/** A standalone SVG file: XML prolog + the markup (which must carry xmlns, as ChartSvg does). */
export function svgDocument(markup: string): string {
  const withNs = markup.startsWith('<svg') && !markup.includes('xmlns="http://www.w3.org/2000/svg"')
    ? markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"')
    : markup;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNs}\n`;
}

type Cell = string | number | boolean | null | undefined;

/** RFC 4180: quote a field when it holds a comma, a quote or a line break. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a header row; columns in the given order, CRLF line ends as RFC 4180 says. */
export function toCsv<R extends Record<string, Cell>>(rows: readonly R[], columns: readonly (keyof R & string)[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Width and height of an SVG document from its root attributes (for checks and <img> tags). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const m = /<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}
