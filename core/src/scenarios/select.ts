import type { Scrutin } from '../an/model';
import { finalLawVoteUids } from './final-vote';
import type { ScrutinSelection } from './schema';

/** |pour − contre|, or |pour − required| for a motion de censure (where contre does not exist). */
export function scrutinGap(s: Pick<Scrutin, 'type' | 'totals'>): number {
  return s.type === 'MOC' ? Math.abs(s.totals.pour - s.totals.requis) : Math.abs(s.totals.pour - s.totals.contre);
}

/**
 * The fewest deputies who, by changing sides, would have flipped the official outcome: moving a
 * pour to contre (or to not voting a censure motion) leaves the required count unchanged, so an
 * adopted text needs pour − required + 1 defections and a rejected one required − pour recruits.
 */
export function scrutinSwing(s: Pick<Scrutin, 'outcome' | 'totals'>): number {
  const { pour, requis } = s.totals;
  return s.outcome === 'adopté' ? pour - requis + 1 : requis - pour;
}

const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What a selection reads of a scrutin (a store can answer it without the votes). */
export type SelectableScrutin = Pick<Scrutin, 'uid' | 'legislature' | 'numero' | 'seanceRef' | 'date' | 'type' | 'outcome' | 'titre' | 'objet' | 'totals'>;

/** Applies a scenario's scrutin selection; uids keep the file's order, a filter keeps numero order. */
export function selectScrutins<S extends SelectableScrutin>(selection: ScrutinSelection, all: readonly S[]): S[] {
  if (selection.uids) {
    const byUid = new Map(all.map((s) => [s.uid as string, s]));
    return selection.uids.flatMap((uid) => byUid.get(uid) ?? []);
  }
  const text = selection.text ? fold(selection.text) : null;
  const c = selection.closeness;
  const legs = selection.legislature === undefined ? null : [selection.legislature].flat();
  const finals = selection.finalLawVote === undefined ? null : finalLawVoteUids(all);
  return all
    .filter((s) => {
      if (legs && !legs.includes(s.legislature)) return false;
      if (selection.type && !selection.type.includes(s.type)) return false;
      if (selection.outcome && s.outcome !== selection.outcome) return false;
      if (selection.from && s.date < selection.from) return false;
      if (selection.to && s.date > selection.to) return false;
      if (finals && finals.has(s.uid) !== selection.finalLawVote) return false;
      if (text && !fold(`${s.titre} ${s.objet ?? ''}`).includes(text)) return false;
      if (c?.maxGap !== undefined && scrutinGap(s) > c.maxGap) return false;
      if (c?.maxSwing !== undefined && scrutinSwing(s) > c.maxSwing) return false;
      return true;
    })
    .sort((a, b) => a.legislature - b.legislature || a.numero - b.numero);
}
