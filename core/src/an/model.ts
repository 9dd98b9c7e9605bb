import type { ActeurRef, MandatRef, OrganeRef, ScrutinUid } from './ids';

/**
 * The normalised Assemblée nationale model. Everything is typed (numbers are numbers, lists are
 * lists, absent is null) whatever quirk the official JSON had; see FORMAT.md in data/opendata.
 */

/** SPO ordinaire, SPS solennel, MOC motion de censure, SSG Congrès. Other codes are rejected. */
export const VOTE_TYPES = ['SPO', 'SPS', 'MOC', 'SSG'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export const OUTCOMES = ['adopté', 'rejeté'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A recorded position. `nonVotant` = present but not voting by rule (PSE, PAN, MG…). */
export const POSITIONS = ['pour', 'contre', 'abstention', 'nonVotant'] as const;
export type Position = (typeof POSITIONS)[number];

export interface Totals {
  pour: number;
  contre: number;
  abstentions: number;
  nonVotants: number;
  /** pour + contre + abstentions */
  votants: number;
  /** pour + contre */
  exprimes: number;
  /** nbrSuffragesRequis: the pour count needed to adopt */
  requis: number;
}

export interface GroupVote {
  organeRef: OrganeRef;
  /** nombreMembresGroupe */
  members: number;
  pour: number;
  contre: number;
  abstentions: number;
  nonVotants: number;
  /** positionMajoritaire (singular, as in the file) */
  majorityPosition: 'pour' | 'contre' | 'abstention';
}

export interface DeputyVote {
  acteurRef: ActeurRef;
  mandatRef: MandatRef | null;
  /** The group the deputy voted with (the enclosing groupe.organeRef in the scrutin). */
  organeRef: OrganeRef;
  position: Position;
  /** parDelegation; null when the export does not say (L16 nonVotants). */
  byProxy: boolean | null;
  /** causePositionVote for non-votants: PSE, PAN, MG… */
  cause: string | null;
  /** numPlace (L17 exports), zero-padded as published */
  seat: string | null;
}

export const MISE_AU_POINT_POSITIONS = ['pour', 'contre', 'abstention', 'nonVotant', 'nonVotantVolontaire'] as const;
export type MiseAuPointPosition = (typeof MISE_AU_POINT_POSITIONS)[number];

/** A deputy's correction after the vote: it does not change the result. */
export interface MiseAuPoint {
  acteurRef: ActeurRef;
  mandatRef: MandatRef | null;
  /** What the deputy says they meant to vote. */
  position: MiseAuPointPosition;
  /** true when announced as a voting-machine malfunction (`dysfonctionnement`) */
  malfunction: boolean;
}

export interface Scrutin {
  uid: ScrutinUid;
  legislature: number;
  numero: number;
  /** The assembly organe (PO838901 for L17). */
  organeRef: OrganeRef;
  sessionRef: string | null;
  seanceRef: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** quantiemeJourSeance: 1st, 2nd, 3rd sitting of the day */
  sittingOfDay: number | null;
  type: VoteType;
  typeLabel: string | null;
  majorityLabel: string | null;
  outcome: Outcome;
  outcomeLabel: string | null;
  titre: string;
  objet: string | null;
  demandeur: string | null;
  /** lieuVote: Hémicycle, Salons, Congrès; null in older exports */
  place: string | null;
  /** syntheseVote.annonce */
  announcement: string | null;
  totals: Totals;
  groups: GroupVote[];
  deputies: DeputyVote[];
  misesAuPoint: MiseAuPoint[];
}

export interface Deputy {
  ref: ActeurRef;
  civility: string | null;
  firstName: string;
  lastName: string;
  /** Sort key published by the AN (`alpha`), e.g. "Pancher" */
  alpha: string | null;
  birthDate: string | null;
  /** The group of the newest GP mandate in the file, if any. */
  groupRef: OrganeRef | null;
}

export interface Group {
  ref: OrganeRef;
  /** codeType: GP, ASSEMBLEE… */
  kind: string;
  name: string;
  abbreviation: string | null;
  /** couleurAssociee, `#61468F` */
  colour: string | null;
  /** Majoritaire, Opposition, Minoritaire */
  politicalPosition: string | null;
  legislature: number | null;
  startDate: string | null;
  endDate: string | null;
  preseance: number | null;
}
