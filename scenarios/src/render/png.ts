import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/**
 * SVG → PNG with resvg (a Rust rasteriser shipped as an npm binary: no browser, no system
 * library). resvg finds no fonts unless told: system fonts differ from machine to machine (and CI
 * may have none), so text would vanish or change. DejaVu Sans comes pinned from the
 * `dejavu-fonts-ttf` npm package (TTF, which resvg reads; @fontsource ships only WOFF/WOFF2) and
 * covers French accents, guillemets and the narrow no-break space.
 */
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const CHART_FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')];

export interface PngOptions {
  /** output scale (2 = retina); the PNG is width·scale × height·scale */
  scale?: number;
}

export function svgToPng(svg: string, opts: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: CHART_FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    fitTo: opts.scale && opts.scale !== 1 ? { mode: 'zoom', value: opts.scale } : { mode: 'original' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}

/** Reads width and height from a PNG's IHDR chunk after checking the signature; null if not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(png[12]!, png[13]!, png[14]!, png[15]!) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
