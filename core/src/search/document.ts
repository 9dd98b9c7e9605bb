import { guessDossier, significantWords, titleScore, TITLE_MIN_LEAD, TITLE_MIN_SCORE } from '../agenda/link';

/**
 * The text a scrutin is found by: its official titre, objet and demandeur, plus what the data links
 * to it. Official titles rarely name the subject ("la motion de censure déposée … par Mme Panot et
 * 90 députés"); the sitting's agenda does ("… (CMP PLFSS 2025)"), and so do the groups of the
 * deputies who tabled a motion ("LIOT"). Pure: every store (SQLite FTS today, PostgreSQL later)
 * indexes this same text. Bump SEARCH_DOCUMENT_VERSION when the text changes: stores rebuild.
 */
export const SEARCH_DOCUMENT_VERSION = 1;

export interface SittingPointText {
  objet: string;
  dossierRef: string | null;
  /** Confirmé | Supprimé: a deleted point never took place */
  state: string;
}

export interface MotionAuthor {
  name: string;
  group: string | null;
  groupAbbreviation: string | null;
}

export interface SearchDocumentInput {
  titre: string;
  objet: string | null;
  demandeur: string | null;
  /** agenda point objets linked to the vote (`linkedAgenda`) */
  agenda: readonly string[];
  /** the titles of the text it belongs to, from that text's points in other sittings */
  dossier: readonly string[];
  authors: readonly MotionAuthor[];
}

/**
 * The sitting's points a vote is about: those of the text `guessDossier` links it to, plus the
 * point naming no text whose words the titre clearly carries (a motion de censure's debate often
 * names no text: "… (CMP PLFSS 2025)"), by the same rule as guessDossier (score ≥ 0.6 and 0.2
 * ahead of the next such point). Nothing when the sitting covers several texts and the titre
 * matches none: a link is never invented.
 */
export function linkedAgenda(titre: string, points: readonly SittingPointText[]): { dossierRef: string | null; objets: string[] } {
  const live = points.filter((p) => p.state === 'Confirmé');
  const { dossierRef } = guessDossier(titre, live);
  const objets = dossierRef === null ? [] : live.filter((p) => p.dossierRef === dossierRef).map((p) => p.objet);
  const words = significantWords(titre);
  const loose = [...new Set(live.filter((p) => p.dossierRef === null).map((p) => p.objet))]
    .map((objet) => ({ objet, score: titleScore(words, objet) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = loose;
  if (best && best.score >= TITLE_MIN_SCORE && best.score - (next?.score ?? 0) >= TITLE_MIN_LEAD) objets.push(best.objet);
  return { dossierRef, objets: [...new Set(objets)] };
}

const CIVILITY = /^(?:M\.|MM\.|Mme|Mmes|Mlle)\s+/;

/**
 * The deputies a motion's titre names as its authors: "… par Mmes Mathilde Panot et Cyrielle
 * Chatelain, M. André Chassaigne et 111 membres de l'Assemblée." → the three names.
 */
export function motionAuthorNames(titre: string): string[] {
  const match = /\bpar\s+(.+?)\s+et\s+\d+\s/u.exec(titre);
  if (!match) return [];
  return match[1]!
    .split(/,\s*|\s+et\s+/u)
    .map((part) => part.trim().replace(CIVILITY, '').trim())
    .filter((name) => /^\p{Lu}/u.test(name));
}

/**
 * Typographic apostrophes and quotes as typed on a keyboard: the agenda writes "d’agriculture",
 * the titres and the people searching "d'agriculture". Search queries go through it too.
 */
export const plainQuotes = (text: string): string => text.replace(/[’‘ʼ]/g, "'").replace(/[“”«»]/g, '"');

export function searchDocument(input: SearchDocumentInput): string {
  const authors = input.authors.flatMap((a) => [a.name, a.groupAbbreviation ?? '', a.group ?? '']);
  const parts = [input.titre, input.objet ?? '', input.demandeur ?? '', ...input.agenda, ...input.dossier, ...authors];
  return [...new Set(parts.map((p) => plainQuotes(p).trim()).filter(Boolean))].join('\n');
}
