/**
 * The one export module of the charts, shared by the web client (download buttons) and the
 * scenario runner (files): a standalone SVG document, a PNG (rasterised on a canvas in the
 * browser; the runner rasterises the same document with resvg), and the data as CSV.
 * The string functions are pure; the DOM is only touched when a browser function is called, so
 * the module imports in Node.
 */

/** A standalone SVG file: XML prolog + the markup (which must carry xmlns, as ChartSvg does). */
export function svgDocument(markup: string): string {
  const withNs = markup.startsWith('<svg') && !markup.includes('xmlns="http://www.w3.org/2000/svg"')
    ? markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"')
    : markup;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNs}\n`;
}

/** Width and height of an SVG document from its root attributes (for checks and <img> tags). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const m = /<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180: quote a field when it holds a comma, a quote or a line break — and a semicolon, the
 * separator Excel assumes in a French locale, so that a file opened there never splits a cell.
 */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /** start with a UTF-8 byte-order mark: Excel then reads accents right (downloads want it) */
  bom?: boolean;
  /** header labels, when they differ from the column keys */
  header?: readonly string[];
}

/** CSV text with a header row; columns in the given order, CRLF line ends as RFC 4180 says. */
export function toCsv<R extends Record<string, CsvCell>>(rows: readonly R[], columns: readonly (keyof R & string)[], opts: CsvOptions = {}): string {
  const lines = [(opts.header ?? columns).map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `${opts.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** A table given as a header and rows of cells (the client's chart frames) as a CSV file with a BOM. */
export function tableToCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const columns = header.map((_, i) => String(i));
  return toCsv(rows.map((r): Record<string, CsvCell> => Object.fromEntries(r.map((v, i) => [String(i), v]))), columns, { bom: true, header });
}

// ——— browser side: images go through data: URLs rather than blob: ones, which the server's
// Content-Security-Policy (img-src 'self' data:) allows.

/** The SVG element as drawn, made a standalone document of explicit size on a white background. */
export function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.round(box.width) || 640;
  const height = Number(svg.getAttribute('height')) || Math.round(box.height) || 400;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (!clone.querySelector(':scope > rect[data-export-background]')) {
    const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    bg.setAttribute('data-export-background', '');
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('fill', '#ffffff');
    clone.insertBefore(bg, clone.firstChild);
  }
  if (!clone.getAttribute('font-family')) clone.setAttribute('font-family', "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif");
  return { markup: svgDocument(new XMLSerializer().serializeToString(clone)), width, height };
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const svgDataUrl = (markup: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;

/** An SVG document rasterised on a canvas (`scale` 2 = retina). */
export async function svgToPngBlob(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = 'sync';
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('The chart could not be rasterised'));
    img.src = svgDataUrl(markup);
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function downloadCsv(filename: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]): void {
  downloadBlob(new Blob([tableToCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  downloadBlob(new Blob([standaloneSvg(svg).markup], { type: 'image/svg+xml' }), filename);
}

export async function downloadPng(svg: SVGSVGElement, filename: string): Promise<void> {
  const { markup, width, height } = standaloneSvg(svg);
  downloadBlob(await svgToPngBlob(markup, width, height), filename);
}
