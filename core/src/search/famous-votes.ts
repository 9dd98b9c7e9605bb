import { z } from 'zod';

/**
 * Well-known votes, curated by hand, because their official titles do not name what people
 * remember ("la motion de censure déposée … par M. Bertrand Pancher" is "the LIOT motion on the
 * pension reform"). Each entry carries the words people search with, one line of context in each
 * language (the home page shows it) and the public source of that context. Search (server) and the
 * home page (client) both read this table; the parse at module load rejects a malformed entry.
 */
export const FamousVoteSchema = z.object({
  uid: z.string().regex(/^VT[A-Z]{3}\dL\d+V\d+$/, { error: 'a scrutin uid such as VTANR5L16V1240' }),
  /** search words, lower-case, as people say them (folded for matching) */
  keywords: z.array(z.string().min(2)).min(1),
  context: z.object({ fr: z.string().min(10), en: z.string().min(10) }),
  source: z.url(),
  /** shown on the home page */
  featured: z.boolean(),
});
export type FamousVote = z.infer<typeof FamousVoteSchema>;

export const FAMOUS_VOTES: readonly FamousVote[] = z.array(FamousVoteSchema).parse([
  {
    uid: 'VTANR5L16V1240',
    keywords: ['retraites', 'réforme des retraites', 'LIOT', 'transpartisane', 'Borne', '49.3', '64 ans'],
    context: {
      fr: 'Réforme des retraites : la motion transpartisane du groupe LIOT échoue à 9 voix (20 mars 2023).',
      en: 'Pension reform: the cross-party LIOT motion falls 9 votes short (20 March 2023).',
    },
    source: 'https://fr.wikipedia.org/wiki/R%C3%A9forme_des_retraites_de_2023_en_France',
    featured: true,
  },
  {
    uid: 'VTANR5L16V1241',
    keywords: ['retraites', 'réforme des retraites', 'Rassemblement national', 'RN', 'Borne', '49.3'],
    context: {
      fr: 'Réforme des retraites : la motion de censure du Rassemblement national, le même soir (20 mars 2023).',
      en: 'Pension reform: the Rassemblement national censure motion, the same evening (20 March 2023).',
    },
    source: 'https://fr.wikipedia.org/wiki/R%C3%A9forme_des_retraites_de_2023_en_France',
    featured: false,
  },
  {
    uid: 'VTANR5L17V519',
    keywords: ['Barnier', 'gouvernement Barnier', 'chute du gouvernement', 'budget', 'PLFSS', 'NFP', '49.3'],
    context: {
      fr: 'Censure du gouvernement Barnier, la première depuis 1962 (4 décembre 2024).',
      en: 'The Barnier government is censured, the first time since 1962 (4 December 2024).',
    },
    source: 'https://fr.wikipedia.org/wiki/Gouvernement_Michel_Barnier',
    featured: true,
  },
  {
    uid: 'VTANR5L16V3203',
    keywords: ['immigration', 'loi immigration', 'Darmanin', 'motion de rejet'],
    context: {
      fr: 'Loi immigration : la motion de rejet préalable est adoptée par 270 voix contre 265 (11 décembre 2023).',
      en: 'Immigration bill: the motion to reject it outright passes 270 to 265 (11 December 2023).',
    },
    source: 'https://fr.wikipedia.org/wiki/Loi_pour_contr%C3%B4ler_l%27immigration,_am%C3%A9liorer_l%27int%C3%A9gration',
    featured: true,
  },
  {
    uid: 'VTANR5L16V3213',
    keywords: ['immigration', 'loi immigration', 'Darmanin', 'commission mixte paritaire', 'CMP'],
    context: {
      fr: 'Loi immigration : le texte de la commission mixte paritaire est adopté (19 décembre 2023).',
      en: 'Immigration bill: the joint committee text is adopted (19 December 2023).',
    },
    source: 'https://fr.wikipedia.org/wiki/Loi_pour_contr%C3%B4ler_l%27immigration,_am%C3%A9liorer_l%27int%C3%A9gration',
    featured: false,
  },
  {
    uid: 'VTANR5L16V3546',
    keywords: ['nucléaire', 'sûreté nucléaire', 'ASN', 'IRSN', 'ASNR'],
    context: {
      fr: 'Fusion de l’ASN et de l’IRSN : adoptée à une voix près, 260 contre 259 (19 mars 2024).',
      en: 'Merging the nuclear safety bodies ASN and IRSN: passed by one vote, 260 to 259 (19 March 2024).',
    },
    source: 'https://fr.wikipedia.org/wiki/Autorit%C3%A9_de_s%C3%BBret%C3%A9_nucl%C3%A9aire_et_de_radioprotection',
    featured: true,
  },
]);

/**
 * The governments in office (prime minister's name, first day, first day of the next one), so a
 * search for "Barnier" reaches the votes held under that government. Source: the list of
 * governments of the Fifth Republic, https://www.gouvernement.fr/les-gouvernements-de-la-ve-republique
 */
export const GovernmentSchema = z.object({
  name: z.string().min(2),
  from: z.iso.date(),
  /** exclusive; null while in office */
  until: z.iso.date().nullable(),
});
export type Government = z.infer<typeof GovernmentSchema>;

export const GOVERNMENTS: readonly Government[] = z.array(GovernmentSchema).parse([
  { name: 'Borne', from: '2022-05-16', until: '2024-01-09' },
  { name: 'Attal', from: '2024-01-09', until: '2024-09-05' },
  { name: 'Barnier', from: '2024-09-05', until: '2024-12-13' },
  { name: 'Bayrou', from: '2024-12-13', until: '2025-09-09' },
  { name: 'Lecornu', from: '2025-09-09', until: null },
]);

/** The famous vote of a uid, if curated. */
export const famousVote = (uid: string): FamousVote | undefined => FAMOUS_VOTES.find((v) => v.uid === uid);

/** The government in office on a date (YYYY-MM-DD), if known. */
export const governmentOn = (date: string): Government | undefined =>
  GOVERNMENTS.find((g) => g.from <= date && (g.until === null || date < g.until));
