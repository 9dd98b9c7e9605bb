/**
 * The Assemblée's agenda (the `reunion` files of the open data, séances publiques only), in the
 * normalised form the store keeps. A séance and each of its points have their own state: the
 * Conférence des présidents rewrites the agenda, so a confirmed séance often carries deleted
 * points (and a deleted séance only deleted ones).
 */

/** `Confirmé`, `Supprimé` for séances; the commissions also use `Annulé` and `Eventuel`. */
export type AgendaState = string;

/** The kind of vote a point of the agenda leads to, or null when it leads to none. */
export const VOTE_KINDS = ['solennel', 'scrutin-public', 'discussion', 'declaration'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

export interface AgendaPoint {
  /** `RUANR5L17S2026IDS29952PT50996` */
  uid: string;
  /** position in the séance's list, from 0 */
  ordinal: number;
  state: AgendaState;
  /** typePointODJ: "Vote solennel", "Suite de la discussion"… */
  type: string;
  objet: string;
  /** the only pointer from the agenda to a text: `DLR5L17N52428` */
  dossierRef: string | null;
  procedure: string | null;
  /** "Éventuellement, …": the point only takes place if an earlier step requires it */
  tentative: boolean;
  voteExpected: VoteKind | null;
}

export interface AgendaSitting {
  /** `RUANR5L17S2026IDS29952` (= scrutin.seanceRef) */
  uid: string;
  legislature: number;
  sessionRef: string | null;
  organeRef: string;
  /** ISO 8601 with its offset, as published: `2025-11-24T16:00:00.000+01:00` */
  start: string;
  /** present once the sitting was held */
  end: string | null;
  state: AgendaState;
  /** Première | Deuxième | Troisième | Unique */
  quantieme: string | null;
  compteRenduRef: string | null;
  /** chrono.creation / cloture of the séance (ISO), the latest instant the file attests */
  createdAt: string | null;
  closedAt: string | null;
  points: AgendaPoint[];
}

const VOTE_BY_TYPE: Record<string, VoteKind> = {
  'Vote solennel': 'solennel',
  'Vote par scrutin public': 'scrutin-public',
  Discussion: 'discussion',
  'Suite de la discussion': 'discussion',
  "Séances réservées à un groupe de l'opposition ou minoritaire": 'discussion',
};

/**
 * Whether a point leads to a vote, and which kind. A discussion leads to votes only when it is
 * about a text (dossierRef): "Discussion" also titles eulogies and debates. A government
 * declaration leads to one only when its objet announces it ("suivie d'un débat et d'un vote",
 * "débat et vote", art. 49-1): most art. 50-1 declarations are debates without a vote.
 */
export function voteExpectedOf(type: string, objet: string, dossierRef: string | null): VoteKind | null {
  const kind = VOTE_BY_TYPE[type];
  if (kind === 'discussion') return dossierRef === null ? null : 'discussion';
  if (kind) return kind;
  if (type.startsWith('Déclaration')) return /\bvote\b/i.test(objet) ? 'declaration' : null;
  return null;
}

/** Points that are still on the agenda: both the séance and the point confirmed. */
export function isLivePoint(sitting: Pick<AgendaSitting, 'state'>, point: Pick<AgendaPoint, 'state'>): boolean {
  return sitting.state === 'Confirmé' && point.state === 'Confirmé';
}
