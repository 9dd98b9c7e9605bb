import type { ScrutinDetail } from '@parallele/core';
import { dateInWords, outcomeInWords, posterSvg, settingsInWords, sourceLine, standaloneSvg, svgSize, svgToPngBlob, downloadBlob, type SimulationSettings, type SocialFormat } from '@parallele/charts';

/** What an exported chart says around itself, besides the source line (added at download time). */
export interface PosterText {
  title: string;
  lines: string[];
}

const lang = (language: string) => (language === 'en' ? 'en' : 'fr');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The context of a chart of one scrutin: its title, date, the simulation's settings and the outcome, in words. */
export function scrutinPoster(s: Pick<ScrutinDetail, 'titre' | 'date' | 'numero' | 'outcome' | 'groups'>, language: string, chartName: string, settings?: SimulationSettings, parallel?: 'adopté' | 'rejeté' | null): PosterText {
  const l = lang(language);
  const groupName = (ref: string) => s.groups.find((g) => g.organeRef === ref)?.name ?? undefined;
  return {
    title: capitalise(s.titre),
    lines: [
      `${chartName} · ${dateInWords(s.date, l)} · ${l === 'fr' ? 'scrutin n°' : 'vote no.'} ${s.numero}`,
      ...(settings ? [settingsInWords(settings, l, groupName)] : []),
      outcomeInWords(s.outcome, parallel ?? null, l),
    ],
  };
}

/** The chart as drawn, inside its context, as an SVG document (at its own size or a social format). */
export function posterDocument(svg: SVGSVGElement, text: PosterText, language: string, format?: SocialFormat): string {
  const l = lang(language);
  return posterSvg(standaloneSvg(svg).markup, { ...text, source: sourceLine(window.location.href, l), lang: l }, format);
}

export async function downloadPoster(svg: SVGSVGElement, text: PosterText, language: string, filename: string, format?: SocialFormat): Promise<void> {
  const doc = posterDocument(svg, text, language, format);
  const size = svgSize(doc) ?? { width: 800, height: 600 };
  // the social sizes are exact pixel sizes; the plain download is drawn at twice its size (retina)
  downloadBlob(await svgToPngBlob(doc, size.width, size.height, format ? 1 : 2), filename);
}
