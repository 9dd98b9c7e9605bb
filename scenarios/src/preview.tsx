import { parallelSeats, toSimScrutin, type ApportionMethod, type CitizenSplit, type Scrutin } from '@parallele/core';
import { dateInWords, Hemicycle, outcomeInWords, parallelHemicycle, posterSvg, settingsInWords, sourceLine, svgSize, type GroupInfo } from '@parallele/charts';
import { capitalise } from './chart-context';
import { HEMICYCLE_LABELS } from './chart-words';
import { renderSvg } from './render/svg';

/**
 * Link previews (Open Graph / Twitter cards): 1200×630 images drawn with the charts workspace's
 * code, the same hemicycle and poster as the website's downloads, and the words a chat app shows
 * beside them. Pure functions of the scrutin and the settings; the server caches the PNGs.
 */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
export type PreviewLang = 'fr' | 'en';

export interface PreviewSettings {
  k: number;
  split: CitizenSplit;
  mode: string;
  method: ApportionMethod;
  /** where the split comes from, in words for the description ("votes de la plateforme") */
  splitSource: 'platform' | 'manual';
}

const LABELS = HEMICYCLE_LABELS;

const OUTCOME = { fr: { adopté: 'adopté', rejeté: 'rejeté' }, en: { adopté: 'adopted', rejeté: 'rejected' } } as const;

export interface ScrutinPreview {
  /** the page's <title> and og:title */
  title: string;
  /** og:description: the outcome and the parallel result */
  description: string;
  /** the 1200×630 image, SVG */
  svg: string;
}

/** The vote, its official outcome and the parallel result at these settings, in words and as an image. */
export function scrutinPreview(s: Scrutin, groups: readonly GroupInfo[], settings: PreviewSettings, url: string, lang: PreviewLang): ScrutinPreview {
  const sim = toSimScrutin(s, { withDeputies: settings.mode.startsWith('deputies:') });
  const seats = parallelSeats(sim, { k: settings.k, split: settings.split, mode: settings.mode, method: settings.method });
  const p = seats.parallel;
  const byRef = new Map(groups.map((g) => [g.organeRef, g]));
  const info = s.groups.map((g) => byRef.get(g.organeRef) ?? { organeRef: g.organeRef, abbreviation: null, name: null, colour: null });
  const hemicycle = parallelHemicycle(info, seats, { label: 'MaVoix', name: `MaVoix (K = ${settings.k})` });
  const vote = capitalise(s.titre);
  const fr = lang === 'fr';
  const number = fr ? `scrutin n° ${s.numero}` : `vote no. ${s.numero}`;
  const official = fr ? `${capitalise(OUTCOME.fr[s.outcome])} : ${s.totals.pour} pour, ${s.totals.contre} contre (${s.totals.requis} requis)`.replace(' :', '\u00a0:') : `${capitalise(OUTCOME.en[s.outcome])}: ${s.totals.pour} for, ${s.totals.contre} against (${s.totals.requis} required)`;
  const parallel = fr
    ? `Avec ${settings.k} député${settings.k > 1 ? 's' : ''} MaVoix\u00a0: ${OUTCOME.fr[p.outcome]}, ${p.pour} pour, ${p.contre} contre${p.outcome !== s.outcome ? ' — le résultat bascule' : ''}.`
    : `With ${settings.k} MaVoix deput${settings.k === 1 ? 'y' : 'ies'}: ${OUTCOME.en[p.outcome]}, ${p.pour} for, ${p.contre} against${p.outcome !== s.outcome ? ' — the result flips' : ''}.`;
  const chart = renderSvg(
    <Hemicycle
      groups={hemicycle}
      title={vote}
      width={720}
      idPrefix="preview"
      labels={LABELS[lang]}
      locale={fr ? 'fr-FR' : 'en-GB'}
      headline={`${p.pour} ${LABELS[lang].positions.pour}`}
      subline={`${p.required} ${fr ? 'requis' : 'required'} · ${OUTCOME[lang][p.outcome]}`}
    />,
  );
  const poster = posterSvg(
    chart,
    {
      title: vote,
      lines: [
        `${dateInWords(s.date, lang)} · ${number}`,
        outcomeInWords(s.outcome, p.outcome, lang),
        settingsInWords({ k: settings.k, split: settings.split, mode: settings.mode, method: settings.method }, lang),
      ],
      source: sourceLine(url, lang),
      lang,
    },
    'landscape',
  );
  return {
    title: `${capitalise(fr ? `scrutin n° ${s.numero}` : `vote no. ${s.numero}`)} – ${shorten(vote, 90)}`,
    description: `${dateInWords(s.date, lang)}. ${official}. ${parallel}`,
    svg: fitPreview(poster),
  };
}

/** Any standalone SVG (a landscape poster, a scenario chart) centred on a white 1200×630 card. */
export function fitPreview(svg: string): string {
  const size = svgSize(svg) ?? { width: 1200, height: 675 };
  const { width, height } = PREVIEW_SIZE;
  const scale = Math.min(width / size.width, height / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  const markup = svg.replace(/^<\?xml[^>]*>\s*/, '').trim();
  const open = /^<svg\b([^>]*)>/.exec(markup);
  const inherited = open ? [...open[1]!.matchAll(/\s(font-family|font-size|fill)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('') : '';
  const body = open ? markup.slice(open[0].length, markup.lastIndexOf('</svg>')) : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<g transform="translate(${round((width - w) / 2)} ${round((height - h) / 2)}) scale(${Math.round(scale * 10000) / 10000})"${inherited}>${body}</g>` +
    '</svg>'
  );
}

const round = (v: number) => Math.round(v * 10) / 10;
const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`);
