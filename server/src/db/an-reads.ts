import {
  acteurRef,
  mandatRef,
  organeRef,
  scrutinUid,
  type DeputyVote,
  type GroupVote,
  type MiseAuPoint,
  type Scrutin,
} from '@parallele/core';
import type { Db } from './types';

/**
 * Reads of the AN model through the SQL port (see an-store.ts for the writes): the full scrutin of
 * the detail page and the simulator, every scrutin with its groups for a legislature's leverage,
 * and the row shapes and mappers the scrutins and deputies modules share.
 */

/** The official totals as stored in `scrutins` (the same columns in every read of that table). */
export interface TotalsRow {
  pour: number;
  contre: number;
  abstentions: number;
  non_votants: number;
  votants: number;
  exprimes: number;
  requis: number;
}

export const toTotals = (r: TotalsRow): Scrutin['totals'] => ({
  pour: r.pour,
  contre: r.contre,
  abstentions: r.abstentions,
  nonVotants: r.non_votants,
  votants: r.votants,
  exprimes: r.exprimes,
  requis: r.requis,
});

/** |pour − requis|: how many votes decided the scrutin (stored, indexed for sort=closeness). */
export const closenessOf = (t: Scrutin['totals']): number => Math.abs(t.pour - t.requis);

/** The columns of `scrutins` that list rows show besides the totals (same names in the DTOs). */
export interface ScrutinHeadRow {
  legislature: number;
  numero: number;
  date: string;
  type: Scrutin['type'];
  outcome: Scrutin['outcome'];
  titre: string;
}

export const toScrutinHead = (r: ScrutinHeadRow): ScrutinHeadRow => ({
  legislature: r.legislature,
  numero: r.numero,
  date: r.date,
  type: r.type,
  outcome: r.outcome,
  titre: r.titre,
});

interface ScrutinRow extends ScrutinHeadRow, TotalsRow {
  uid: string;
  organe_ref: string;
  session_ref: string | null;
  seance_ref: string | null;
  sitting_of_day: number | null;
  type_label: string | null;
  majority_label: string | null;
  outcome_label: string | null;
  objet: string | null;
  demandeur: string | null;
  place: string | null;
  announcement: string | null;
}

interface GroupRow {
  scrutin_uid: string;
  organe_ref: string;
  members: number;
  pour: number;
  contre: number;
  abstentions: number;
  non_votants: number;
  majority_position: GroupVote['majorityPosition'];
}

const SCRUTIN_COLUMNS = `uid, legislature, numero, organe_ref, session_ref, seance_ref, date, sitting_of_day, type, type_label,
  majority_label, outcome, outcome_label, titre, objet, demandeur, place, announcement, pour, contre, abstentions,
  non_votants, votants, exprimes, requis`;

function toScrutin(r: ScrutinRow, groups: GroupVote[], deputies: DeputyVote[], misesAuPoint: MiseAuPoint[]): Scrutin {
  return {
    uid: scrutinUid(r.uid),
    legislature: r.legislature,
    numero: r.numero,
    organeRef: organeRef(r.organe_ref),
    sessionRef: r.session_ref,
    seanceRef: r.seance_ref,
    date: r.date,
    sittingOfDay: r.sitting_of_day,
    type: r.type,
    typeLabel: r.type_label,
    majorityLabel: r.majority_label,
    outcome: r.outcome,
    outcomeLabel: r.outcome_label,
    titre: r.titre,
    objet: r.objet,
    demandeur: r.demandeur,
    place: r.place,
    announcement: r.announcement,
    totals: toTotals(r),
    groups,
    deputies,
    misesAuPoint,
  };
}

const toGroupVote = (g: GroupRow): GroupVote => ({
  organeRef: organeRef(g.organe_ref),
  members: g.members,
  pour: g.pour,
  contre: g.contre,
  abstentions: g.abstentions,
  nonVotants: g.non_votants,
  majorityPosition: g.majority_position,
});

interface DeputyVoteRow {
  acteur_ref: string;
  mandat_ref: string | null;
  organe_ref: string;
  position: DeputyVote['position'];
  by_proxy: number | null;
  cause: string | null;
  seat: string | null;
}

interface MiseAuPointRow {
  acteur_ref: string;
  mandat_ref: string | null;
  position: MiseAuPoint['position'];
  malfunction: number;
}

const toDeputyVote = (d: DeputyVoteRow): DeputyVote => ({
  acteurRef: acteurRef(d.acteur_ref),
  mandatRef: d.mandat_ref === null ? null : mandatRef(d.mandat_ref),
  organeRef: organeRef(d.organe_ref),
  position: d.position,
  byProxy: d.by_proxy === null ? null : d.by_proxy === 1,
  cause: d.cause,
  seat: d.seat,
});

const toMiseAuPoint = (m: MiseAuPointRow): MiseAuPoint => ({
  acteurRef: acteurRef(m.acteur_ref),
  mandatRef: m.mandat_ref === null ? null : mandatRef(m.mandat_ref),
  position: m.position,
  malfunction: m.malfunction === 1,
});

/** The full scrutin as the parser produced it: groups and deputies in file order, mises au point. */
export async function getScrutin(db: Db, uid: string): Promise<Scrutin | null> {
  const { store } = db;
  const row = await store.get<ScrutinRow>(`SELECT ${SCRUTIN_COLUMNS} FROM scrutins WHERE uid = ?`, [uid]);
  if (!row) return null;
  const [groups, deputies, misesAuPoint] = await Promise.all([
    store.all<GroupRow>('SELECT * FROM scrutin_groups WHERE scrutin_uid = ? ORDER BY position', [uid]),
    store.all<DeputyVoteRow>('SELECT * FROM deputy_votes WHERE scrutin_uid = ? ORDER BY ordinal', [uid]),
    store.all<MiseAuPointRow>('SELECT * FROM mises_au_point WHERE scrutin_uid = ? ORDER BY ordinal', [uid]),
  ]);
  return toScrutin(row, groups.map(toGroupVote), deputies.map(toDeputyVote), misesAuPoint.map(toMiseAuPoint));
}

/**
 * Every scrutin (of one legislature, if given) with totals and groups but WITHOUT deputies and
 * mises au point (empty arrays): what the simulator needs, in two queries. Ordered by date, numero.
 */
export async function getScrutinsForSimulation(db: Db, options: { legislature?: number } = {}): Promise<Scrutin[]> {
  const { store } = db;
  const where = options.legislature === undefined ? '' : 'WHERE legislature = ?';
  const params = options.legislature === undefined ? [] : [options.legislature];
  const rows = await store.all<ScrutinRow>(`SELECT ${SCRUTIN_COLUMNS} FROM scrutins ${where} ORDER BY date, legislature, numero, uid`, params);
  const groupsByUid = new Map<string, GroupVote[]>(rows.map((r) => [r.uid, []]));
  // One scan in primary-key order (the table is clustered on scrutin_uid, position: no sort);
  // groups of other legislatures are skipped here.
  const groupRows = await store.all<GroupRow>(
    `SELECT scrutin_uid, organe_ref, members, pour, contre, abstentions, non_votants, majority_position FROM scrutin_groups
      ${where ? 'WHERE scrutin_uid IN (SELECT uid FROM scrutins WHERE legislature = ?)' : ''} ORDER BY scrutin_uid, position`,
    params,
  );
  for (const g of groupRows) groupsByUid.get(g.scrutin_uid)?.push(toGroupVote(g));
  return rows.map((r) => toScrutin(r, groupsByUid.get(r.uid) ?? [], [], []));
}

export async function countScrutins(db: Db, options: { legislature?: number } = {}): Promise<number> {
  const row =
    options.legislature === undefined
      ? await db.store.get<{ n: number }>('SELECT count(*) AS n FROM scrutins')
      : await db.store.get<{ n: number }>('SELECT count(*) AS n FROM scrutins WHERE legislature = ?', [options.legislature]);
  return row?.n ?? 0;
}

/**
 * A token that changes whenever scrutins are written (even by another process, such as
 * `npm run import` beside a running server): in-memory caches over the store compare it before use.
 */
export async function storeVersion(db: Db): Promise<string> {
  const row = await db.store.get<{ n: number; u: number | null }>('SELECT count(*) AS n, max(updated_at) AS u FROM scrutins');
  return `${row?.n ?? 0}:${row?.u ?? 0}`;
}
