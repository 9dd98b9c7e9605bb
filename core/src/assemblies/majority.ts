import type { VoteType } from '../an/model';

/**
 * How the required number of pour votes is computed: `exprimes` absolute majority of votes cast,
 * `members` absolute majority of the members (seats), `three-fifths` of votes cast (Congrès),
 * `simple` more pour than contre (European Parliament).
 */
export type VoteRule = 'exprimes' | 'members' | 'three-fifths' | 'simple';

/**
 * The majority a record says applied (issue 15): `typeVote.typeMajorite`, not a guess from the vote
 * type. An organic law in lecture définitive is an SPS that needs the absolute majority of the
 * members composing the Assembly (Constitution art. 46 al. 3), whatever the votes cast.
 *
 * Labels seen in the official exports (capitalisation varies between snapshots):
 *   "majorité absolue des suffrages exprimés"                 → exprimes
 *   "majorité des membres composant l'Assemblée nationale"    → members
 *   "Majorité requise pour une motion de censure"             → members (art. 49 al. 2)
 *   "Majorité requise pour un Congrès"                        → three-fifths (art. 89 al. 3)
 * and for the European Parliament (written by our EP reader):
 *   "majorité simple des suffrages exprimés"                  → simple (for > against)
 *   "majorité des membres qui composent le Parlement"         → members (361 of 720)
 * A missing or unknown label falls back on the vote type (MOC → members, SSG → 3/5, else exprimes).
 */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function majorityRuleOf(type: VoteType, label: string | null | undefined): VoteRule {
  const l = label ? fold(label) : '';
  if (l.includes('membres') || l.includes('motion de censure')) return 'members';
  if (l.includes('congres') || l.includes('trois cinquiemes') || l.includes('3/5')) return 'three-fifths';
  if (l.includes('majorite simple')) return 'simple';
  if (l.includes('suffrages exprimes')) return 'exprimes';
  switch (type) {
    case 'MOC':
      return 'members';
    case 'SSG':
      return 'three-fifths';
    default:
      return 'exprimes';
  }
}

/**
 * For the members rule: the number of seats the record implies. The official threshold is
 * floor(seats / 2) + 1, with seats the members in office; Σ nombreMembresGroupe is that number when
 * the group lists are complete, but a list can miss a group (or seats be vacant): then the seats are
 * read back from nbrSuffragesRequis (2·requis − 2 or 2·requis − 1, the one nearer Σ members), so
 * K = 0 reproduces the official threshold and `added` seats grow from the right base.
 */
export function seatsImpliedBy(requis: number, groupMembers: number): number {
  if (Math.floor(groupMembers / 2) + 1 === requis) return groupMembers;
  const low = Math.max(0, 2 * requis - 2);
  const high = 2 * requis - 1;
  return Math.abs(groupMembers - low) < Math.abs(groupMembers - high) ? low : high;
}
