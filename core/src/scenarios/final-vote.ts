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

/** Cheap test first: most titles are amendments and articles, and folding every title costs. */
const MAYBE = /^l\W?(?:ensemble|article unique)/i;

/** The kind of law vote a title is and the text it is about (the title after "… de loi"), or null. */
function lawVote(titre: string): { kind: LawVoteKind; key: string } | null {
  if (!MAYBE.test(titre)) return null;
  const t = fold(titre);
  const e = ENSEMBLE.exec(t);
  if (e) return { kind: 'ensemble', key: e[1]!.trim() };
  const a = ARTICLE_UNIQUE.exec(t);
  return a ? { kind: 'article-unique', key: a[1]!.trim() } : null;
}

/** Whether a title is the vote on a whole law (`ensemble`) or on the single article of one; null otherwise. */
export const lawVoteKind = (titre: string): LawVoteKind | null => lawVote(titre)?.kind ?? null;

/** The law text a law vote is about, to pair an article unique with its `ensemble` vote. */
export const lawTextKey = (titre: string): string | null => lawVote(titre)?.key ?? null;

type LawVoteFields = Pick<Scrutin, 'uid' | 'legislature' | 'numero' | 'seanceRef' | 'titre'>;

/**
 * The uids of the final votes on a law among `scrutins`. Needs the whole sitting at hand: an
 * article unique followed by an `ensemble` vote on the same text in the same sitting is not final.
 */
export function finalLawVoteUids(scrutins: readonly LawVoteFields[]): Set<string> {
  const votes = scrutins.flatMap((s) => {
    const v = lawVote(s.titre);
    return v ? [{ s, ...v }] : [];
  });
  // the last ensemble vote on each text in each sitting, by numero
  const lastEnsemble = new Map<string, number>();
  const where = (s: LawVoteFields, key: string) => `${s.legislature}|${s.seanceRef}|${key}`;
  for (const v of votes) if (v.kind === 'ensemble' && v.s.seanceRef !== null) lastEnsemble.set(where(v.s, v.key), Math.max(lastEnsemble.get(where(v.s, v.key)) ?? 0, v.s.numero));
  const out = new Set<string>();
  for (const v of votes) {
    if (v.kind === 'ensemble') out.add(v.s.uid);
    else if (!(v.s.seanceRef !== null && (lastEnsemble.get(where(v.s, v.key)) ?? 0) > v.s.numero)) out.add(v.s.uid);
  }
  return out;
}
