import {
  organeRef,
  scrutinUid,
  type DeputyVote,
  type GroupVote,
  type MiseAuPoint,
  type OrganeRef,
  type Outcome,
  type Scrutin,
  type VoteType,
} from '@parallele/core';
import { PageParseError } from './errors';
import { nameKey } from './text';

/** The Assemblée organe of each legislature (scrutin.organeRef); pages do not print it. */
const ASSEMBLY_ORGANES: Record<number, string> = {
  14: 'PO644420',
  15: 'PO717460',
  16: 'PO791932',
  17: 'PO838901',
};

export const assemblyOrgane = (legislature: number): OrganeRef =>
  organeRef(ASSEMBLY_ORGANES[legislature] ?? 'PO0');

/** "L'Assemblée nationale a adopté" / "n'a pas adopté" → outcome; null when neither. */
export function outcomeOf(announcement: string): Outcome | null {
  const key = nameKey(announcement);
  if (/n a pas adopte/.test(key)) return 'rejeté';
  if (/a adopte/.test(key)) return 'adopté';
  return null;
}

/** Pages do not print the vote code: a censure motion says so, a solemn vote says "solennel". */
export function voteTypeOf(subject: string): VoteType {
  const key = nameKey(subject);
  if (key.includes('motion de censure')) return 'MOC';
  if (key.includes('solennel')) return 'SPS';
  return 'SPO';
}

/** "Scrutin public n°8433 sur l'ensemble du projet…" → "l'ensemble du projet…" */
export function titleOf(subject: string): string {
  const m = /^scrutin[^]*?\bsur\s+([^]*)$/i.exec(subject);
  return (m?.[1] ?? subject).trim();
}

/**
 * Pages print no group position, so it is derived from the counts, with the files' defaults (a
 * group that cast nothing, or a tie, reads "pour"). The L17 export's own positionMajoritaire is
 * not always the count majority (170 of ~5,000 sampled groups): page-scraped values may differ
 * until the open data replaces the scrutin.
 */
export function majorityOf(g: Pick<GroupVote, 'pour' | 'contre' | 'abstentions'>): GroupVote['majorityPosition'] {
  if (g.contre > g.pour && g.contre >= g.abstentions) return 'contre';
  if (g.abstentions > g.pour && g.abstentions > g.contre) return 'abstention';
  return 'pour';
}

/** "(Présidente de l'Assemblée nationale)" → PAN, "(Président de séance)" → PSE, Gouvernement → MG. */
export function causeOf(note: string): string | null {
  const key = nameKey(note);
  if (key.includes('assemblee nationale')) return 'PAN';
  if (key.includes('seance')) return 'PSE';
  if (key.includes('gouvernement')) return 'MG';
  return null;
}

export interface SynthesisCounts {
  votants: number;
  exprimes: number;
  requis: number;
  pour: number;
  contre: number;
  abstentions: number;
}

export type ListedKey = 'pour' | 'contre' | 'abstentions' | 'nonVotants';

export interface BuildInput {
  page: string;
  legislature: number;
  numero: number;
  date: string;
  sittingOfDay: number | null;
  subject: string;
  majorityLabel: string | null;
  announcement: string;
  synthesis: SynthesisCounts;
  groups: GroupVote[];
  deputies: DeputyVote[];
  misesAuPoint: MiseAuPoint[];
  /**
   * Names listed per group (same order as `groups`), checked against the group counts; null when
   * the lists cannot be trusted to be complete (www2 names that matched no acteur).
   */
  listed: Array<Record<ListedKey, number>> | null;
}

/**
 * Assemble the normalised scrutin and refuse a page whose parts disagree: the groups must add up to
 * the header, and (when every name was read) the lists to the group counts. A half-read page would
 * otherwise be stored as if it were the result.
 */
export function buildScrutin(input: BuildInput): Scrutin {
  const { page, synthesis: s } = input;
  const outcome = outcomeOf(input.announcement);
  if (!outcome) throw new PageParseError(page, 'outcome announcement', `cannot read the outcome from "${input.announcement}"`);
  const sum = (k: 'pour' | 'contre' | 'abstentions' | 'nonVotants') => input.groups.reduce((n, g) => n + g[k], 0);
  for (const [k, header] of [['pour', s.pour], ['contre', s.contre], ['abstentions', s.abstentions]] as const) {
    if (sum(k) !== header) {
      throw new PageParseError(page, 'group blocks', `the groups add up to ${sum(k)} ${k} but the header announces ${header}`);
    }
  }
  if (s.pour + s.contre !== s.exprimes || s.exprimes + s.abstentions !== s.votants) {
    throw new PageParseError(page, 'vote synthesis', `inconsistent header: ${s.votants} votants, ${s.exprimes} exprimés, ${s.pour} pour, ${s.contre} contre, ${s.abstentions} abstentions`);
  }
  if (input.listed) {
    input.groups.forEach((g, i) => {
      for (const k of ['pour', 'contre', 'abstentions', 'nonVotants'] as const) {
        const listed = input.listed?.[i]?.[k] ?? 0;
        if (listed !== g[k]) {
          throw new PageParseError(page, 'deputy lists', `group ${g.organeRef} announces ${g[k]} ${k} but lists ${listed} names`);
        }
      }
    });
  }
  const type = voteTypeOf(input.subject);
  const typeLabel = /^(.*?)\s*n°/i.exec(input.subject)?.[1]?.trim() || null;
  const titre = titleOf(input.subject);
  return {
    uid: scrutinUid(`VTANR5L${input.legislature}V${input.numero}`),
    legislature: input.legislature,
    numero: input.numero,
    organeRef: assemblyOrgane(input.legislature),
    sessionRef: null,
    seanceRef: null,
    date: input.date,
    sittingOfDay: input.sittingOfDay,
    type,
    typeLabel,
    majorityLabel: input.majorityLabel,
    outcome,
    outcomeLabel: input.announcement,
    titre,
    objet: titre,
    demandeur: null,
    place: null,
    announcement: input.announcement,
    totals: {
      pour: s.pour,
      contre: s.contre,
      abstentions: s.abstentions,
      nonVotants: sum('nonVotants'),
      votants: s.votants,
      exprimes: s.exprimes,
      requis: s.requis,
    },
    groups: input.groups,
    deputies: input.deputies,
    misesAuPoint: input.misesAuPoint,
  };
}
