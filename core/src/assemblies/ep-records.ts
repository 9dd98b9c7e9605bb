import { EP_GROUPS, EP_MEMBERS_LABEL, EP_MEMBERS_MAJORITY, EP_SIMPLE_LABEL, epGroupOrganes, epGroupRef, epOrganeRef, epUid } from './european-parliament';

/**
 * HowTheyVote.eu roll-call votes (the CSV export shipped in data/ep) → documents of the official AN
 * JSON shape, so that the SAME parser and importer take them: a scrutin per final vote and an
 * organe per group half (see european-parliament.ts). Pure: the reader (server/src/modules/ep)
 * parses the CSV files and hands the rows over.
 *
 * Breakdown: per group, its French delegation and its other members. `members` counts the MEPs in
 * office on the vote's date (a non-empty cell of the matrix); DID_NOT_VOTE is an absent member.
 * The totals are the official ones (`count_*` of the votes file), so a matrix that does not add up
 * goes through the parser's data-quality path like an AN record. Rule: simple majority of the votes
 * cast (requis = contre + 1); a procedure needing the absolute majority of the component members is
 * recorded with that label and requis 361 (none of the 293 final votes of the 10th term did).
 */
export interface EpVoteRow {
  id: string;
  timestamp: string;
  display_title: string;
  reference?: string;
  description?: string;
  procedure_title?: string;
  procedure_reference?: string;
  count_for: string;
  count_against: string;
  count_abstention: string;
  result: string;
}

export interface EpMepRow {
  id: string;
  /** ISO 3166 alpha-3 */
  country: string;
  /** HowTheyVote group short label */
  group: string;
  /** vote id → FOR, AGAINST, ABSTENTION, DID_NOT_VOTE, or '' when not an MEP on that date */
  positions: ReadonlyMap<string, string>;
}

export class EpFormatError extends Error {
  override readonly name = 'EpFormatError';
}

const POSITIONS = new Set(['FOR', 'AGAINST', 'ABSTENTION', 'DID_NOT_VOTE', '']);
const KNOWN_GROUPS = new Set(EP_GROUPS.map((g) => g.code));

/** Checks the matrix once: every group known, every cell one of the HowTheyVote positions. */
export function checkMepRows(rows: readonly EpMepRow[], where: (row: number) => string): void {
  rows.forEach((m, i) => {
    if (!KNOWN_GROUPS.has(m.group)) throw new EpFormatError(`${where(i)}: member.group.short_label: unknown group "${m.group}" (expected ${[...KNOWN_GROUPS].join(', ')})`);
    if (!/^[A-Z]{3}$/.test(m.country)) throw new EpFormatError(`${where(i)}: member.country.code: expected an ISO 3166 alpha-3 code, got "${m.country}"`);
    for (const [vote, p] of m.positions) if (!POSITIONS.has(p)) throw new EpFormatError(`${where(i)}: column ${vote}: unknown position "${p}"`);
  });
}

const count = (n: number) => String(n);

/** One final vote → `{"scrutin": …}` in the AN export's shape (strings everywhere, as the AN does). */
export function epScrutinDocument(term: number, vote: EpVoteRow, meps: readonly EpMepRow[], options: { membersMajority?: boolean } = {}): unknown {
  const tally = new Map<string, { members: number; pour: number; contre: number; abstentions: number }>();
  for (const g of EP_GROUPS) for (const fr of [true, false]) tally.set(epGroupRef(g.code, fr), { members: 0, pour: 0, contre: 0, abstentions: 0 });
  for (const m of meps) {
    const p = m.positions.get(vote.id) ?? '';
    if (p === '') continue;
    const t = tally.get(epGroupRef(m.group, m.country === 'FRA'))!;
    t.members++;
    if (p === 'FOR') t.pour++;
    else if (p === 'AGAINST') t.contre++;
    else if (p === 'ABSTENTION') t.abstentions++;
  }
  const pour = Number(vote.count_for);
  const contre = Number(vote.count_against);
  const abstentions = Number(vote.count_abstention);
  const requis = options.membersMajority ? EP_MEMBERS_MAJORITY : contre + 1;
  const date = vote.timestamp.slice(0, 10);
  const groupe = [...tally.entries()]
    .filter(([, t]) => t.members > 0)
    .map(([ref, t]) => ({
      organeRef: ref,
      nombreMembresGroupe: count(t.members),
      vote: {
        positionMajoritaire: t.contre > t.pour && t.contre >= t.abstentions ? 'contre' : t.abstentions > t.pour && t.abstentions > t.contre ? 'abstention' : 'pour',
        decompteVoix: { nonVotants: '0', pour: count(t.pour), contre: count(t.contre), abstentions: count(t.abstentions), nonVotantsVolontaires: '0' },
        decompteNominatif: null,
      },
    }));
  const result = vote.result === 'ADOPTED' ? 'adopté' : vote.result === 'REJECTED' ? 'rejeté' : vote.result;
  return {
    scrutin: {
      uid: epUid(term, vote.id),
      numero: vote.id,
      organeRef: epOrganeRef(term),
      legislature: count(term),
      sessionRef: null,
      seanceRef: null,
      dateScrutin: date,
      quantiemeJourSeance: null,
      typeVote: {
        codeTypeVote: 'SPO',
        libelleTypeVote: 'vote par appel nominal (Parlement européen)',
        typeMajorite: options.membersMajority ? EP_MEMBERS_LABEL : EP_SIMPLE_LABEL,
      },
      sort: { code: result, libelle: result === 'adopté' ? 'Le Parlement européen a adopté' : 'Le Parlement européen n’a pas adopté' },
      titre: vote.display_title,
      demandeur: null,
      objet: { libelle: [vote.description, vote.reference, vote.procedure_reference].filter(Boolean).join(' · ') || null },
      modePublicationDesVotes: 'DecompteNominatif',
      syntheseVote: {
        nombreVotants: count(pour + contre + abstentions),
        suffragesExprimes: count(pour + contre),
        nbrSuffragesRequis: count(requis),
        annonce: null,
        decompte: { nonVotants: '0', pour: count(pour), contre: count(contre), abstentions: count(abstentions), nonVotantsVolontaires: '0' },
      },
      ventilationVotes: { organe: { organeRef: epOrganeRef(term), groupes: { groupe } } },
      miseAuPoint: null,
      lieuVote: null,
    },
  };
}

/** The organes of an EP term: the Parliament itself and the 18 group halves, in the AN organe shape. */
export function epOrganeDocuments(term: number): unknown[] {
  return [
    { organe: { uid: epOrganeRef(term), codeType: 'PARLEMENT', libelle: `Parlement européen (${term}e législature)`, libelleAbrege: 'PE', legislature: count(term) } },
    ...epGroupOrganes().map((g) => ({
      organe: { uid: g.ref, codeType: 'GPPE', libelle: g.name, libelleAbrege: g.abbreviation, couleurAssociee: g.colour, legislature: count(term), preseance: count(g.preseance) },
    })),
  ];
}
