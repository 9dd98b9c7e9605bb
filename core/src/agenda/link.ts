/**
 * Which text (dossier) a real scrutin was about, from the agenda: the scrutin carries no dossier
 * in the open data (FORMAT-NOTES §3), only `seanceRef`, the sitting it was held in. Pure.
 *
 * - `title`: the scrutin's titre shares most of the significant words of one of the sitting's
 *   points about a text (score ≥ 0.6) and clearly more than any other text of the sitting
 *   (≥ 0.2 ahead): "… du projet de loi de finances pour 2026 (première lecture)".
 * - `single-odj`: otherwise, the sitting's agenda names exactly one text.
 * - `ambiguous` (several texts, no clear title match) and `none` (no text on the agenda, e.g. a
 *   government declaration): no guess. A link is never invented.
 *
 * With the amendements discussed in the sitting (guessWithAmendements), a scrutin on « l'amendement
 * n° 2194 » is linked by that amendement's text (`amendement`, or `amendement+title` when the
 * title agrees); see there for how the two kinds of evidence are weighed.
 */
export type LinkMethod = 'title' | 'single-odj' | 'amendement' | 'amendement+title';

/** The amendement a link was made by: « lié par amendement n° 2194 ». */
export interface AmendementEvidence {
  uid: string;
  numero: string;
}

export type DossierGuess =
  | { dossierRef: string; method: LinkMethod; score: number; runnerUp: number; amendement?: AmendementEvidence }
  | { dossierRef: null; method: 'ambiguous' | 'none'; score: number; runnerUp: number };

export interface SittingText {
  dossierRef: string | null;
  objet: string;
}

export const TITLE_MIN_SCORE = 0.6;
export const TITLE_MIN_LEAD = 0.2;

/** Words that say what the agenda does with a text, not which text it is. */
const STOP = new Set(
  ('les des une aux par pour sur dans avec sans que qui est son ses leur leurs cette ces du de la le et ou au en ' +
    'discussion suite vote votes solennel eventuellement explications examen lecture premiere deuxieme nouvelle ' +
    'texte commission mixte paritaire rapport procedure acceleree engagement apres adopte adoptee modifie modifiee senat ' +
    'assemblee nationale nom ensemble').split(' '),
);

export function significantWords(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)));
}

/** Share of the point's significant words found in the titre (0…1). */
export function titleScore(titre: Set<string>, objet: string): number {
  const words = significantWords(objet);
  if (words.size === 0) return 0;
  let common = 0;
  for (const w of words) if (titre.has(w)) common++;
  return common / words.size;
}

export function guessDossier(titre: string, points: readonly SittingText[]): DossierGuess {
  const best = new Map<string, number>();
  const titreWords = significantWords(titre);
  for (const p of points) {
    if (!p.dossierRef) continue;
    best.set(p.dossierRef, Math.max(best.get(p.dossierRef) ?? 0, titleScore(titreWords, p.objet)));
  }
  if (best.size === 0) return { dossierRef: null, method: 'none', score: 0, runnerUp: 0 };
  const ranked = [...best].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [top, second] = [ranked[0]!, ranked[1]];
  const score = round(top[1]);
  const runnerUp = round(second?.[1] ?? 0);
  if (score >= TITLE_MIN_SCORE && score - runnerUp >= TITLE_MIN_LEAD) return { dossierRef: top[0], method: 'title', score, runnerUp };
  if (ranked.length === 1) return { dossierRef: top[0], method: 'single-odj', score, runnerUp };
  return { dossierRef: null, method: 'ambiguous', score, runnerUp };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** An amendement discussed in the scrutin's sitting under the number its titre names. */
export interface MatchedAmendement extends AmendementEvidence {
  dossierRef: string | null;
}

export function guessWithAmendements(
  titre: string,
  points: readonly SittingText[],
  matched: readonly MatchedAmendement[],
): DossierGuess {
  const guess = guessDossier(titre, points);
  const known = matched.filter((a): a is MatchedAmendement & { dossierRef: string } => a.dossierRef !== null);
  const texts = new Set(known.map((a) => a.dossierRef));
  if (texts.size === 0) return guess;
  const evidence = (dossierRef: string): AmendementEvidence => {
    const a = known.find((x) => x.dossierRef === dossierRef)!;
    return { uid: a.uid, numero: a.numero };
  };
  if (guess.dossierRef !== null && guess.method === 'title') {
    return texts.has(guess.dossierRef) ? { ...guess, method: 'amendement+title', amendement: evidence(guess.dossierRef) } : guess;
  }
  if (texts.size > 1) return { dossierRef: null, method: 'ambiguous', score: guess.score, runnerUp: guess.runnerUp };
  const [dossierRef] = texts as Set<string>;
  return { dossierRef: dossierRef!, method: 'amendement', score: guess.score, runnerUp: guess.runnerUp, amendement: evidence(dossierRef!) };
}

/** The vote on a whole text (or a motion): the one the platform's mandate is about. */
export function isFinalVote(titre: string, type: string): boolean {
  const t = titre.normalize('NFC').toLowerCase();
  return type === 'MOC' || /^(l'|l’)ensemble\b/.test(t) || /^la motion de (censure|rejet|renvoi)/.test(t) || /^la déclaration du gouvernement/.test(t);
}
