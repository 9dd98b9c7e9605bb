import type { GroupVote } from '../an/model';

/**
 * Data-quality warnings of a record that is still a real vote (issue 15). Today one kind: the
 * groups' `decompteVoix` add up to less than the official `syntheseVote.decompte` (deputies who sat
 * in a group created after the export's group list, or were not attributed). The official totals are
 * authoritative, so the parser carries the difference as one extra breakdown entry, the votes not
 * attributed to a group, under this reserved ref: stored, listed, drawn and simulated like a group,
 * so K = 0 gives the official result. The warning is derived from that entry wherever the record is
 * (parser output, store, API), so it can never get out of step with the data.
 */
export const UNATTRIBUTED_GROUP_REF = 'NON-ATTRIBUES';

export interface QualityWarning {
  code: 'unattributed-votes';
  /** English, for logs, the import summary and the API; the client renders its own text */
  message: string;
  pour: number;
  contre: number;
  abstentions: number;
}

type Breakdown = { organeRef: string } & Pick<GroupVote, 'pour' | 'contre' | 'abstentions'>;

export const isUnattributed = (g: { organeRef: string }): boolean => g.organeRef === UNATTRIBUTED_GROUP_REF;

export function qualityWarnings(s: { groups: readonly Breakdown[] }): QualityWarning[] {
  const u = s.groups.find(isUnattributed);
  if (!u) return [];
  const n = u.pour + u.contre + u.abstentions;
  return [
    {
      code: 'unattributed-votes',
      message:
        `the groups' breakdown does not add up to the official totals (syntheseVote): ${n} vote(s) ` +
        `(${u.pour} pour, ${u.contre} contre, ${u.abstentions} abstention(s)) are not attributed to a group`,
      pour: u.pour,
      contre: u.contre,
      abstentions: u.abstentions,
    },
  ];
}

/** The breakdown entry for the difference between the official totals and the groups' sums. */
export function unattributedGroup(missing: { pour: number; contre: number; abstentions: number }): GroupVote {
  const { pour, contre, abstentions } = missing;
  const majorityPosition = contre > pour && contre >= abstentions ? 'contre' : abstentions > pour && abstentions > contre ? 'abstention' : 'pour';
  return {
    organeRef: UNATTRIBUTED_GROUP_REF as GroupVote['organeRef'],
    members: pour + contre + abstentions,
    pour,
    contre,
    abstentions,
    nonVotants: 0,
    majorityPosition,
  };
}

/** How the API names the unattributed entry (the client translates it by its ref). */
export const UNATTRIBUTED_LABELS = { name: 'Non attribués', abbreviation: 'N.A.', colour: '#A0A0A0', politicalPosition: null } as const;
