import { z } from 'zod';

/**
 * Raking margins: for each variable, the population share of each category. Shares of a variable
 * sum to 1 (within `MARGIN_SUM_TOLERANCE`, so rounded published figures pass) and are > 0: a zero
 * share would zero every respondent of that category, which trimming could not undo.
 */
export const MARGIN_SUM_TOLERANCE = 1e-3;

/** The profile variables the platform knows, with their categories. */
export const SEXES = ['F', 'H'] as const;
export const AGE_BANDS = ['18-24', '25-34', '35-49', '50-64', '65+'] as const;
/** INSEE region codes (2016 regions, 13 metropolitan + 5 DROM). */
export const REGION_CODES = ['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'] as const;
/** 2022 presidential first round: candidates' surnames in lower case without accents, and `abstention`. */
export const PRES2022_CHOICES = [
  'arthaud', 'roussel', 'macron', 'lassalle', 'le-pen', 'zemmour', 'melenchon', 'hidalgo', 'jadot', 'pecresse', 'poutou', 'dupont-aignan', 'abstention',
] as const;

/** Display names (the shipped data files carry the same; server/…/shipped-margins.test.ts checks it). */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  '01': 'Guadeloupe', '02': 'Martinique', '03': 'Guyane', '04': 'La Réunion', '06': 'Mayotte', '11': 'Île-de-France', '24': 'Centre-Val-de-Loire',
  '27': 'Bourgogne-Franche-Comté', '28': 'Normandie', '32': 'Hauts-de-France', '44': 'Grand Est', '52': 'Pays de la Loire', '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine', '76': 'Occitanie', '84': 'Auvergne-Rhône-Alpes', '93': "Provence-Alpes-Côte d'Azur", '94': 'Corse',
};
export const CANDIDATE_NAMES: Readonly<Record<string, string>> = {
  arthaud: 'Nathalie Arthaud', roussel: 'Fabien Roussel', macron: 'Emmanuel Macron', lassalle: 'Jean Lassalle', 'le-pen': 'Marine Le Pen',
  zemmour: 'Éric Zemmour', melenchon: 'Jean-Luc Mélenchon', hidalgo: 'Anne Hidalgo', jadot: 'Yannick Jadot', pecresse: 'Valérie Pécresse',
  poutou: 'Philippe Poutou', 'dupont-aignan': 'Nicolas Dupont-Aignan',
};

export const PROFILE_VARIABLES = ['sex', 'age', 'region', 'pres2022'] as const;
export type ProfileVariable = (typeof PROFILE_VARIABLES)[number];

export const PROFILE_CATEGORIES: Record<ProfileVariable, readonly string[]> = {
  sex: SEXES,
  age: AGE_BANDS,
  region: REGION_CODES,
  pres2022: PRES2022_CHOICES,
};

const shareSchema = z.number({ error: 'expected a share (a number between 0 and 1)' }).gt(0, { error: 'a share must be > 0' }).max(1, { error: 'a share must be ≤ 1' });

/** One variable's shares: `{ "F": 0.52, "H": 0.48 }`. */
export const MarginSetSchema = z
  .record(z.string().min(1), shareSchema)
  .refine((m) => Object.keys(m).length >= 2, { error: 'a margin needs at least two categories' })
  .superRefine((m, ctx) => {
    const sum = Object.values(m).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > MARGIN_SUM_TOLERANCE) ctx.addIssue({ code: 'custom', message: `shares sum to ${sum.toFixed(6)}, not 1` });
  });

/** `{ "variable": { "category": share, … }, … }` */
export const MarginsSchema = z
  .record(z.string().min(1), MarginSetSchema)
  .refine((m) => Object.keys(m).length >= 1, { error: 'give at least one variable' });
export type Margins = z.infer<typeof MarginsSchema>;

/** The margins restricted to `variables`, in that order (unknown names are left out). */
export function pickMargins(margins: Margins, variables: readonly string[]): Margins {
  const out: Margins = {};
  for (const v of variables) if (margins[v]) out[v] = margins[v];
  return out;
}
