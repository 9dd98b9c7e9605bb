import type { ChartLocale } from './theme';

/**
 * The settings and outcome of a simulation in words, for the context of exported images (a
 * post read on a phone has no tooltip): "remplacement proportionnel", not `proportional`.
 */

const MODE_WORDS = {
  fr: { proportional: 'remplacement proportionnel aux groupes', added: 'sièges ajoutés à l’Assemblée', group: 'remplacement dans le groupe', deputies: (n: number) => `remplacement de ${n} député${n > 1 ? 's' : ''} nommé${n > 1 ? 's' : ''}` },
  en: { proportional: 'proportional replacement across groups', added: 'seats added to the Assembly', group: 'replacement within the group', deputies: (n: number) => `replacement of ${n} named deput${n > 1 ? 'ies' : 'y'}` },
} as const;

const METHOD_WORDS: Record<ChartLocale, Record<string, string>> = {
  fr: { 'largest-remainder': 'répartition aux plus forts restes', dhondt: 'répartition D’Hondt', 'sainte-lague': 'répartition Sainte-Laguë', majority: 'le bloc vote comme sa majorité' },
  en: { 'largest-remainder': 'largest-remainder split', dhondt: 'D’Hondt split', 'sainte-lague': 'Sainte-Laguë split', majority: 'the bloc votes as its majority' },
};

/** `proportional` → "remplacement proportionnel aux groupes"; `group:PO…` names the group when known. */
export function modeInWords(mode: string, locale: ChartLocale = 'fr', groupName?: (ref: string) => string | undefined): string {
  const w = MODE_WORDS[locale];
  if (mode === 'proportional' || mode === 'added') return w[mode];
  if (mode.startsWith('group:')) return `${w.group} ${groupName?.(mode.slice(6)) ?? mode.slice(6)}`;
  if (mode.startsWith('deputies:')) return w.deputies(mode.slice(9).split(',').filter(Boolean).length);
  return mode;
}

export const methodInWords = (method: string, locale: ChartLocale = 'fr'): string => METHOD_WORDS[locale][method] ?? method;

/** Whole percents of the bloc's split (it may be given as vote counts). */
export function splitPercents(split: readonly [number, number, number]): [number, number, number] {
  const total = split[0] + split[1] + split[2];
  if (total <= 0) return [0, 0, 0];
  const exact = split.map((x) => (100 * x) / total);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) if (left-- > 0) out[i]!++;
  return [out[0]!, out[1]!, out[2]!];
}

export interface SimulationSettings {
  k?: number;
  split?: readonly [number, number, number];
  mode?: string;
  method?: string;
}

const colon = (locale: ChartLocale) => (locale === 'fr' ? '\u202f: ' : ': ');

/** "K = 7 députés MaVoix · leur vote : 70 % pour, 23 % contre, 7 % abstention · remplacement … · répartition …" */
export function settingsInWords(s: SimulationSettings, locale: ChartLocale = 'fr', groupName?: (ref: string) => string | undefined): string {
  const parts: string[] = [];
  if (s.k !== undefined) parts.push(locale === 'fr' ? `K = ${s.k} député${s.k > 1 ? 's' : ''} MaVoix` : `K = ${s.k} MaVoix deput${s.k === 1 ? 'y' : 'ies'}`);
  if (s.split) {
    const [p, c, a] = splitPercents(s.split);
    const pc = locale === 'fr' ? '\u202f%' : '%';
    parts.push(locale === 'fr' ? `leur vote${colon(locale)}${p}${pc} pour, ${c}${pc} contre, ${a}${pc} abstention` : `their vote${colon(locale)}${p}${pc} for, ${c}${pc} against, ${a}${pc} abstention`);
  }
  if (s.mode) parts.push(modeInWords(s.mode, locale, groupName));
  if (s.method) parts.push(methodInWords(s.method, locale));
  return parts.join(' · ');
}

const OUTCOME = { fr: { adopté: 'adopté', rejeté: 'rejeté' }, en: { adopté: 'adopted', rejeté: 'rejected' } } as const;

/** "Résultat officiel : rejeté · avec MaVoix : adopté" */
export function outcomeInWords(official: 'adopté' | 'rejeté', parallel: 'adopté' | 'rejeté' | null, locale: ChartLocale = 'fr'): string {
  const o = OUTCOME[locale];
  const first = `${locale === 'fr' ? 'Résultat officiel' : 'Official result'}${colon(locale)}${o[official]}`;
  return parallel === null ? first : `${first} · ${locale === 'fr' ? 'avec MaVoix' : 'with MaVoix'}${colon(locale)}${o[parallel]}`;
}

/** "20 mars 2023" / "20 March 2023" from an ISO date (the vote's day, whatever the reader's time zone). */
export function dateInWords(isoDate: string, locale: ChartLocale = 'fr'): string {
  const d = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The source line every exported image carries. */
export const sourceLine = (url: string, locale: ChartLocale = 'fr'): string =>
  locale === 'fr' ? `Assemblée nationale – données ouvertes · simulation MaVoix, ${url}` : `Assemblée nationale – open data · MaVoix simulation, ${url}`;
