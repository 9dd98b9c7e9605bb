import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AGE_BANDS, MarginsSchema, PRES2022_CHOICES, REGION_CODES, SEXES, type Margins, type ProfileVariable } from '@parallele/core';
import { REPO_ROOT } from '../../config';

/**
 * The margins shipped in data/insee (see its README for sources, licence and caveats), parsed
 * with csv-parse and validated row by row with zod: a bad row names its file and line. Shares are
 * recomputed from the populations/votes, not taken from the rounded share columns.
 */

export const SHIPPED_MARGINS_DIR = join(REPO_ROOT, 'data/insee');

export interface ShippedMargins {
  margins: Margins & Record<ProfileVariable, Record<string, number>>;
  /** display names: region code → name, candidate key → "Emmanuel Macron" */
  labels: { region: Record<string, string>; pres2022: Record<string, string> };
}

export class MarginsFileError extends Error {
  constructor(file: string, line: number | null, message: string) {
    super(`${file}${line === null ? '' : `:${line}`}: ${message}`);
    this.name = 'MarginsFileError';
  }
}

const count = z.coerce.number().int().nonnegative();

const adultRowSchema = z.discriminatedUnion('margin', [
  z.object({ margin: z.literal('france_2022_sexe_x_age'), sexe: z.enum(SEXES), tranche_age: z.enum(AGE_BANDS), population: count }),
  z.object({ margin: z.literal('region_2020_18plus_est'), zone: z.string().regex(/^\d{2} \S/, 'zone: "NN Name"'), population: count }),
]);

const presRowSchema = z.discriminatedUnion('categorie', [
  z.object({ categorie: z.literal('candidat'), nom: z.string().min(1), prenom: z.string().min(1), voix: count }),
  z.object({ categorie: z.literal('hors_exprimes'), nom: z.enum(['BLANCS', 'NULS', 'ABSTENTIONS']), voix: count }),
  z.object({ categorie: z.literal('total'), nom: z.enum(['INSCRITS', 'VOTANTS', 'EXPRIMÉS']), voix: count }),
]);

function rows<T>(file: string, text: string, schema: z.ZodType<T>): T[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, info: true }) as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => {
    const r = schema.safeParse(record);
    if (!r.success) throw new MarginsFileError(file, info.lines, r.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '));
    return r.data;
  });
}

function shares(totals: Record<string, number>): Record<string, number> {
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / sum]));
}

/** "LE PEN" → "le-pen", "MÉLENCHON" → "melenchon" */
export function candidateKey(surname: string): string {
  return surname.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim().replace(/\s+/g, '-');
}

export function parseAdultMargins(text: string, file = 'margins-adults-18plus.csv') {
  const sex: Record<string, number> = {};
  const age: Record<string, number> = {};
  const region: Record<string, number> = {};
  const names: Record<string, string> = {};
  for (const r of rows(file, text, adultRowSchema)) {
    if (r.margin === 'france_2022_sexe_x_age') {
      sex[r.sexe] = (sex[r.sexe] ?? 0) + r.population;
      age[r.tranche_age] = (age[r.tranche_age] ?? 0) + r.population;
    } else {
      const code = r.zone.slice(0, 2);
      region[code] = r.population;
      names[code] = r.zone.slice(3);
    }
  }
  return { sex: shares(sex), age: shares(age), region: shares(region), regionNames: names };
}

/** "LE PEN" → "Le Pen", "DUPONT-AIGNAN" → "Dupont-Aignan" */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * Past vote among the registered electorate: each candidate's votes / inscrits, and `abstention`
 * for everyone else (abstentions, blank and null ballots), so the shares sum to 1.
 */
export function parsePresidential2022(text: string, file = 'presidentielle-2022-t1-national.csv') {
  const votes: Record<string, number> = {};
  const names: Record<string, string> = {};
  let inscrits = 0;
  let other = 0;
  for (const r of rows(file, text, presRowSchema)) {
    if (r.categorie === 'candidat') {
      votes[candidateKey(r.nom)] = r.voix;
      names[candidateKey(r.nom)] = `${r.prenom} ${titleCase(r.nom)}`;
    } else if (r.categorie === 'hors_exprimes') other += r.voix;
    else if (r.nom === 'INSCRITS') inscrits = r.voix;
  }
  const counted = Object.values(votes).reduce((a, b) => a + b, 0) + other;
  if (counted !== inscrits) throw new MarginsFileError(file, null, `candidates + blancs + nuls + abstentions = ${counted}, but INSCRITS = ${inscrits}`);
  votes.abstention = other;
  names.abstention = 'Abstention, blanc ou nul';
  return { pres2022: shares(votes), candidateNames: names };
}

function sameCategories(file: string, variable: string, got: Record<string, number>, expected: readonly string[]): void {
  const missing = expected.filter((c) => !(c in got));
  const extra = Object.keys(got).filter((c) => !expected.includes(c));
  if (missing.length || extra.length)
    throw new MarginsFileError(file, null, `${variable}: categories differ from the profile's (missing: ${missing.join(', ') || 'none'}; unexpected: ${extra.join(', ') || 'none'})`);
}

export function loadShippedMargins(dir = SHIPPED_MARGINS_DIR): ShippedMargins {
  const adults = parseAdultMargins(readFileSync(join(dir, 'margins-adults-18plus.csv'), 'utf8'));
  const pres = parsePresidential2022(readFileSync(join(dir, 'presidentielle-2022-t1-national.csv'), 'utf8'));
  sameCategories('margins-adults-18plus.csv', 'region', adults.region, REGION_CODES);
  sameCategories('presidentielle-2022-t1-national.csv', 'pres2022', pres.pres2022, PRES2022_CHOICES);
  const margins = MarginsSchema.parse({ sex: adults.sex, age: adults.age, region: adults.region, pres2022: pres.pres2022 }) as ShippedMargins['margins'];
  return { margins, labels: { region: adults.regionNames, pres2022: pres.candidateNames } };
}
