import type { ChartSpec } from '@parallele/core';
import type { HemicycleLabels } from '@parallele/charts';

/**
 * The words a scenario's charts say besides the charts package's own (axes, legends, settings in
 * words): titles, context lines, table headers, in each language the gallery is read in. The
 * official titles of the votes stay as published (French).
 */
export type ChartLang = 'fr' | 'en';

const WORDS = {
  fr: {
    noFlip: 'aucun K de la plage ne fait basculer le vote',
    flipsFrom: (k: number) => `bascule à partir de K = ${k}`,
    phaseTitle: (vote: string) => `${vote} — issue selon K et la part « pour »`,
    leverageTitle: (n: number) => `Scrutins basculables selon K (${n} scrutins)`,
    scrutins: (n: number) => `${n} scrutin${n > 1 ? 's' : ''}`,
    tableTitle: (k: number) => `Résultats avec K = ${k}`,
    tableNote: 'En gras, marqués d’une barre : les votes dont l’issue bascule.',
    flipsAt: (mode: string) => `Bascule à K = (${mode})`,
    withK: (k: number, mode: string) => `Avec K = ${k} (${mode})`,
    columns: { numero: 'N°', jour: 'Date', titre: 'Vote', pour: 'Pour', contre: 'Contre', requis: 'Requis', issue: 'Résultat officiel' },
    yes: 'oui',
    no: 'non',
    outcome: { adopté: 'adopté', rejeté: 'rejeté' },
    scrutinNo: (n: number) => `scrutin n° ${n}`,
    poll: 'sondage',
    platformSplit: 'leur vote : celui des citoyens sur la plateforme, scrutin par scrutin',
    pour: (n: number) => `${n} pour`,
    required: (n: number) => `${n} requis`,
  },
  en: {
    noFlip: 'no K in the range flips the vote',
    flipsFrom: (k: number) => `flips from K = ${k}`,
    phaseTitle: (vote: string) => `${vote} — outcome by K and the “for” share`,
    leverageTitle: (n: number) => `Scrutins that can flip, by K (${n} scrutins)`,
    scrutins: (n: number) => `${n} scrutin${n === 1 ? '' : 's'}`,
    tableTitle: (k: number) => `Results with K = ${k}`,
    tableNote: 'In bold, with a bar: the votes whose outcome flips.',
    flipsAt: (mode: string) => `Flips at K = (${mode})`,
    withK: (k: number, mode: string) => `With K = ${k} (${mode})`,
    columns: { numero: 'No.', jour: 'Date', titre: 'Vote', pour: 'For', contre: 'Against', requis: 'Required', issue: 'Official result' },
    yes: 'yes',
    no: 'no',
    outcome: { adopté: 'adopted', rejeté: 'rejected' },
    scrutinNo: (n: number) => `vote no. ${n}`,
    poll: 'poll',
    platformSplit: 'their vote: the citizens’ on the platform, vote by vote',
    pour: (n: number) => `${n} for`,
    required: (n: number) => `${n} required`,
  },
} as const;

export const chartWords = (lang: ChartLang) => WORDS[lang];

/** The title a chart spec gives in this language: `titleEn` in English, else its title, else the default. */
export const specTitle = (spec: Pick<ChartSpec, 'title' | 'titleEn'>, lang: ChartLang, fallback: string): string =>
  (lang === 'en' ? spec.titleEn : undefined) ?? spec.title ?? fallback;

/** The hemicycle's legend and description words (the previews' and the scenarios' hemicycles). */
export const HEMICYCLE_LABELS: Record<ChartLang, HemicycleLabels> = {
  fr: { positions: { pour: 'pour', contre: 'contre', abstention: 'abstention', nonVotant: 'non-votant', absent: 'absent' }, seats: 'sièges', chart: 'Hémicycle' },
  en: { positions: { pour: 'for', contre: 'against', abstention: 'abstention', nonVotant: 'non-voting', absent: 'absent' }, seats: 'seats', chart: 'Hemicycle' },
};
