/**
 * The European Parliament as a second real assembly (issue 15 §2). Its roll-call votes are stored
 * as records of the same model as the AN's (see server/src/modules/ep/reader.ts), told apart by the
 * assembly organe `PE{term}` and uid `PEL{term}V{HowTheyVote vote id}` (legislature = term,
 * numero = the HowTheyVote vote id).
 *
 * Groups: each political group appears as two breakdown entries, its French delegation
 * (`PE-EPP-FR`) and its other members (`PE-EPP`), so that a MaVoix list elected in France can take
 * French seats: the default displacement `delegation:FR` replaces K of France's MEPs, in proportion
 * to the French delegation's groups; `group:PE-RENEW-FR` replaces K in one French group; `added`
 * adds K seats (the Parliament grows to 720 + K).
 */
export const EP_SEATS = 720;
/** France's seats in the 10th term (Decision (EU) 2023/2061). */
export const EP_FRENCH_SEATS = 81;
/** absolute majority of the component members, for the procedures that need it (art. 178 RoP) */
export const EP_MEMBERS_MAJORITY = Math.floor(EP_SEATS / 2) + 1;
export const EP_SIMPLE_LABEL = 'majorité simple des suffrages exprimés';
export const EP_MEMBERS_LABEL = 'majorité des membres qui composent le Parlement';
export const EP_DEFAULT_MODE = 'delegation:FR';

export const epOrganeRef = (term: number) => `PE${term}`;
export const epUid = (term: number, voteId: string) => `PEL${term}V${voteId}`;
export const isEuropeanParliament = (s: { organeRef: string }): boolean => /^PE\d+$/.test(s.organeRef);
/** The HowTheyVote vote id of an EP uid, or null. */
export const epVoteId = (uid: string): string | null => /^PEL\d+V(\d+)$/.exec(uid)?.[1] ?? null;

export interface EpGroupInfo {
  /** HowTheyVote short label */
  code: string;
  abbreviation: string;
  name: string;
  colour: string;
}

/** The nine groups of the 10th term, from left to right as they sit; colours as commonly drawn. */
export const EP_GROUPS: readonly EpGroupInfo[] = [
  { code: 'GUE_NGL', abbreviation: 'GUE/NGL', name: 'La Gauche au Parlement européen', colour: '#8B1A1A' },
  { code: 'SD', abbreviation: 'S&D', name: 'Alliance progressiste des socialistes et démocrates', colour: '#E02027' },
  { code: 'GREEN_EFA', abbreviation: 'Verts/ALE', name: 'Les Verts/Alliance libre européenne', colour: '#3FA142' },
  { code: 'RENEW', abbreviation: 'Renew', name: 'Renew Europe', colour: '#F5C400' },
  { code: 'EPP', abbreviation: 'PPE', name: 'Parti populaire européen', colour: '#3399FF' },
  { code: 'ECR', abbreviation: 'ECR', name: 'Conservateurs et réformistes européens', colour: '#0054A5' },
  { code: 'PFE', abbreviation: 'PfE', name: 'Patriotes pour l’Europe', colour: '#2C2A6B' },
  { code: 'ESN', abbreviation: 'ESN', name: 'L’Europe des nations souveraines', colour: '#5B3A1E' },
  { code: 'NI', abbreviation: 'NI', name: 'Non-inscrits', colour: '#9E9E9E' },
];

export const FRENCH_SUFFIX = '-FR';
export const epGroupRef = (code: string, french: boolean) => `PE-${code}${french ? FRENCH_SUFFIX : ''}`;
export const isFrenchDelegationRef = (ref: string) => ref.startsWith('PE-') && ref.endsWith(FRENCH_SUFFIX);

/** The organes of the EP groups, both halves, as the store's referential holds them. */
export function epGroupOrganes(): { ref: string; abbreviation: string; name: string; colour: string; preseance: number }[] {
  return EP_GROUPS.flatMap((g, i) => [
    { ref: epGroupRef(g.code, true), abbreviation: `${g.abbreviation} FR`, name: `${g.name} — délégation française`, colour: g.colour, preseance: 2 * i },
    { ref: epGroupRef(g.code, false), abbreviation: g.abbreviation, name: `${g.name} — autres pays`, colour: g.colour, preseance: 2 * i + 1 },
  ]);
}
