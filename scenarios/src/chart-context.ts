import type { ReactElement } from 'react';
import type { ChartSpec } from '@parallele/core';
import { dateInWords, outcomeInWords, settingsInWords } from '@parallele/charts';
import type { PosterContext, SimulationSettings } from '@parallele/charts';
import type { ComputedRow, ComputedScenario, ScenarioData } from './compute';
import { chartWords, type ChartLang } from './chart-words';

/** One chart ready to write: the React element (→ SVG/PNG), its data as CSV, its interactive view. */
export interface BuiltChart {
  name: string;
  type: ChartSpec['type'];
  title: string;
  /** the chart alone; the files add its context around it (see `chartContext`) */
  element: ReactElement;
  /** what the exported image says besides the chart: the vote, its date, the settings, the outcome */
  context: Omit<PosterContext, 'source'>;
  csv: string;
  interactiveUrl: string | null;
}

/** The scenario's split in words: the figures of a fixed split or a poll, or the platform's votes. */
export function splitInWords(c: ComputedScenario, lang: ChartLang = 'fr'): string {
  const src = c.scenario.split;
  const w = chartWords(lang);
  if (src.source === 'fixed' || src.source === 'poll') {
    const words = settingsInWords({ split: [src.pour, src.contre, src.abstention] }, lang);
    return src.source === 'poll' ? `${words} (${w.poll})` : words;
  }
  return w.platformSplit;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The context lines of a one-scrutin chart: what the vote was, when, with which settings, and what came of it. */
export function scrutinContext(
  r: ComputedRow,
  settings: SimulationSettings,
  title: string,
  parallel: 'adopté' | 'rejeté' | null,
  data: ScenarioData,
  lang: ChartLang = 'fr',
): Omit<PosterContext, 'source'> {
  const vote = capitalise(r.scrutin.titre);
  const groupName = (ref: string) => data.groups?.get(ref)?.name;
  const lines = [
    ...(title === vote ? [] : [vote]),
    `${dateInWords(r.scrutin.date, lang)} · ${chartWords(lang).scrutinNo(r.scrutin.numero)}`,
    settingsInWords(settings, lang, groupName),
    outcomeInWords(r.scrutin.outcome, parallel, lang),
  ];
  return { title, lines, lang };
}
