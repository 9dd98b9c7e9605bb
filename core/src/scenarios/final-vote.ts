import type { Scrutin } from '../an/model';

/**
 * "Final vote on a law": the vote on a whole law text (projet or proposition de loi, organic and
 * constitutional ones included), at whatever reading. Defined from the scrutin's own title, which
 * names what was voted — the AN open data leaves `objet.dossierLegislatif` empty in every L17
 * scrutin, so the dossier's nature is not known here. Two forms, from the data:
 *
 * - `l'ensemble du projet de loi …` / `l'ensemble de la proposition de loi …` (also the typo
 *   `l'ensemble de de la proposition de loi`, VTANR5L17V918). Not `l'ensemble de la proposition de
 *   résolution` (the TikTok inquiry, VTANR5L17V1018) nor `l'ensemble de la première partie du
 *   projet de loi de finances` (a part, VTANR5L17V445).
 * - `l'article unique de la proposition de loi …` when no `l'ensemble` vote on the same text follows
 *   in the same sitting: a single-article text is adopted by the vote on its article (VTANR5L17V2207,
 *   Dreyfus), unless amendments added articles, and then the `ensemble` vote is the final one
 *   (VTANR5L17V599 → V600).
 */

/** Lower case, no diacritics, one kind of apostrophe, single spaces. */
const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();

const ENSEMBLE = /^l'ensemble (?:de )?(?:du projet|de la proposition) de loi\b(.*)$/;
const ARTICLE_UNIQUE = /^l'article unique (?:du projet|de la proposition) de loi\b(.*)$/;

export type LawVoteKind = 'ensemble' | 'article-unique';

/** Whether a title is the vote on a whole law (`ensemble`) or on the single article of one; null otherwise. */
export function lawVoteKind(titre: string): LawVoteKind | null {
  const t = fold(titre);
  if (ENSEMBLE.test(t)) return 'ensemble';
  if (ARTICLE_UNIQUE.test(t)) return 'article-unique';
  return null;
}

/** The law text a law vote is about (the title after "… de loi"), to pair an article unique with its `ensemble` vote. */
export function lawTextKey(titre: string): string | null {
  const t = fold(titre);
  const m = ENSEMBLE.exec(t) ?? ARTICLE_UNIQUE.exec(t);
  return m ? m[1]!.trim() : null;
}

type LawVoteFields = Pick<Scrutin, 'uid' | 'legislature' | 'numero' | 'seanceRef' | 'titre'>;

/**
 * The uids of the final votes on a law among `scrutins`. Needs the whole sitting at hand: an
 * article unique followed by an `ensemble` vote on the same text in the same sitting is not final.
 */
export function finalLawVoteUids(scrutins: readonly LawVoteFields[]): Set<string> {
  const ensembles = new Set<string>();
  for (const s of scrutins) if (lawVoteKind(s.titre) === 'ensemble') ensembles.add(`${s.legislature}|${s.seanceRef ?? ''}|${lawTextKey(s.titre)}`);
  const laterEnsemble = (s: LawVoteFields) =>
    s.seanceRef !== null &&
    scrutins.some((o) => o.seanceRef === s.seanceRef && o.legislature === s.legislature && o.numero > s.numero && lawVoteKind(o.titre) === 'ensemble' && lawTextKey(o.titre) === lawTextKey(s.titre));
  const out = new Set<string>();
  for (const s of scrutins) {
    const kind = lawVoteKind(s.titre);
    if (kind === 'ensemble') out.add(s.uid);
    else if (kind === 'article-unique' && !(ensembles.has(`${s.legislature}|${s.seanceRef ?? ''}|${lawTextKey(s.titre)}`) && laterEnsemble(s))) out.add(s.uid);
  }
  return out;
}
