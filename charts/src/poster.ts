import { svgDocument, svgSize } from './export';
import { COLOURS, FONT_FAMILY } from './theme';

/**
 * An exported chart with its context around it — the title (wrapped, never cut), lines saying the
 * date, the settings and the outcome in words, and the source line — as one standalone SVG
 * document. Pure string work: the browser wraps the chart as drawn on the page, the scenario
 * runner the one it rendered on the server, and both rasterise the result to PNG.
 */
export interface PosterContext {
  title: string;
  /** e.g. the chart's name and the date; the settings in words; the outcome in words */
  lines: readonly string[];
  /** "Assemblée nationale – données ouvertes · simulation MaVoix, <url>" */
  source: string;
  lang?: 'fr' | 'en';
}

/** Sizes for social networks: a landscape post, a square, a portrait. */
export const SOCIAL_FORMATS = {
  landscape: { width: 1200, height: 675 },
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
} as const;
export type SocialFormat = keyof typeof SOCIAL_FORMATS;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Average advance of DejaVu Sans (the font the images are rasterised with), in em. */
const EM = { regular: 0.6, bold: 0.66 };

/** Greedy word wrap to `maxWidth` px; a word longer than a line is broken, nothing is dropped. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const perLine = Math.max(4, Math.floor(maxWidth / (fontSize * (bold ? EM.bold : EM.regular))));
  const lines: string[] = [];
  let line = '';
  // break at ordinary spaces only: French typography's no-break spaces (before %, :) hold
  for (const raw of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    let word = raw;
    while (word.length > perLine) {
      if (line) lines.push(line);
      lines.push(word.slice(0, perLine));
      word = word.slice(perLine);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Block {
  lines: string[];
  size: number;
  bold?: boolean;
  colour: string;
}

function textBlock(b: Block, x: number, top: number, anchor: 'start' | 'middle'): { svg: string; height: number } {
  const lh = b.size * 1.25;
  const svg = b.lines
    .map((l, i) => `<text x="${x}" y="${Math.round((top + b.size + i * lh) * 10) / 10}" font-size="${b.size}"${b.bold ? ' font-weight="bold"' : ''} fill="${b.colour}" text-anchor="${anchor}">${esc(l)}</text>`)
    .join('');
  return { svg, height: b.lines.length * lh };
}

/**
 * The chart's content placed at (x, y), scaled to `width` (a group, not a nested <svg>: one root
 * per document, which every rasteriser and inliner handles); the root's text styles move to the group.
 */
function placeChart(chartSvg: string, x: number, y: number, width: number, natural: number): string {
  const markup = chartSvg.replace(/^<\?xml[^>]*>\s*/, '').trim();
  const open = /^<svg\b([^>]*)>/.exec(markup);
  if (!open) return '';
  const inherited = [...open[1]!.matchAll(/\s(font-family|font-size|fill)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
  const body = markup.slice(open[0].length, markup.lastIndexOf('</svg>'));
  return `<g transform="translate(${round(x)} ${round(y)}) scale(${Math.round((width / natural) * 10000) / 10000})"${inherited}>${body}</g>`;
}
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The chart with its context, as a standalone SVG document: at the chart's own width (the
 * downloads), or laid out for a social format (the chart scaled into what the text leaves).
 */
export function posterSvg(chartSvg: string, ctx: PosterContext, format?: SocialFormat): string {
  const chart = svgSize(chartSvg) ?? { width: 720, height: 420 };
  const box = format ? SOCIAL_FORMATS[format] : null;
  const width = box ? box.width : Math.max(chart.width, 640);
  // text sizes for a phone: on a 1080 px image, 40 px type reads like 14 px on screen
  const unit = box ? box.width / 1080 : 0.5;
  const pad = Math.round(40 * unit);
  // a landscape post puts the words in a column beside the chart; the others stack them above it
  const side = box !== null && box.width / box.height > 1.4;
  const column = side ? Math.round(width * 0.42) : width;
  const textWidth = column - 2 * pad;
  const sourceSize = Math.round(20 * unit);
  const sourceLines = wrapText(ctx.source, width - 2 * pad, sourceSize);
  const footer = sourceLines.length * sourceSize * 1.25 + pad * 0.6;
  // the words must fit: beside the chart above the footer, or above it leaving the chart half the height
  const room = box ? (side ? box.height - footer - pad : box.height * 0.5) : Infinity;
  const words = (f: number) => {
    const titleSize = Math.round((side ? 36 : 44) * unit * f);
    const lineSize = Math.round((side ? 22 : 26) * unit * f);
    const parts: string[] = [];
    let y = pad * 0.75;
    const title = textBlock({ lines: wrapText(ctx.title, textWidth, titleSize, true), size: titleSize, bold: true, colour: COLOURS.text }, pad, y, 'start');
    parts.push(title.svg);
    y += title.height + titleSize * 0.3;
    for (const l of ctx.lines) {
      const b = textBlock({ lines: wrapText(l, textWidth, lineSize), size: lineSize, colour: COLOURS.muted }, pad, y, 'start');
      parts.push(b.svg);
      y += b.height;
    }
    return { parts, y };
  };
  let fit = 1;
  let text = words(fit);
  // shrink in steps, never below what reads on a phone (a 20 px line on a 1080 px image)
  while (text.y > room && fit > 0.7) text = words((fit -= 0.05));
  const parts = text.parts;
  let y = text.y;
  y += pad * 0.4;
  let height: number;
  let placed: string;
  if (box) {
    height = box.height;
    const left = side ? column : pad;
    const top = side ? pad : y;
    const availW = width - pad - left;
    const availH = Math.max(50, height - top - footer - pad * 0.3);
    const scale = Math.min(availW / chart.width, availH / chart.height);
    const w = chart.width * scale;
    const h = chart.height * scale;
    placed = placeChart(chartSvg, left + (availW - w) / 2, top + (availH - h) / 2, w, chart.width);
  } else {
    placed = placeChart(chartSvg, (width - chart.width) / 2, y, chart.width, chart.width);
    height = Math.ceil(y + chart.height + pad * 0.3 + footer);
  }
  const source = textBlock({ lines: sourceLines, size: sourceSize, colour: COLOURS.muted }, pad, height - footer + pad * 0.15, 'start');
  const lang = ctx.lang ?? 'fr';
  return svgDocument(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" lang="${lang}" font-family="${esc(FONT_FAMILY)}">` +
      `<title>${esc(ctx.title)}</title><desc>${esc([...ctx.lines, ctx.source].join(' — '))}</desc>` +
      `<rect x="0" y="0" width="${width}" height="${height}" fill="${COLOURS.background}"/>` +
      parts.join('') +
      placed +
      source.svg +
      '</svg>',
  );
}
