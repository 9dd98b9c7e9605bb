import { POSITION_CODES, type PositionMatrix } from '@parallele/core';
import { storeVersion } from '../../db/an-reads';
import type { Db } from '../../db/client';

/**
 * The position matrices of a legislature (scrutins × deputies, scrutins × groups), read once from
 * the store and kept in memory: the agreement of one citizen is then a scan of typed arrays.
 * Invalidated by the store version token (any scrutin written, by this process or an import).
 */
export interface LegislatureMatrices {
  deputies: PositionMatrix;
  groups: PositionMatrix;
  /** each deputy's latest group in the legislature's votes */
  groupOf: Map<string, string>;
}

const cache = new WeakMap<Db, Map<number, { version: string; value: LegislatureMatrices }>>();

export async function legislatureMatrices(db: Db, legislature: number): Promise<LegislatureMatrices> {
  const version = await storeVersion(db);
  let byLegislature = cache.get(db);
  if (!byLegislature) cache.set(db, (byLegislature = new Map()));
  const hit = byLegislature.get(legislature);
  if (hit?.version === version) return hit.value;
  const value = await build(db, legislature);
  byLegislature.set(legislature, { version, value });
  return value;
}

async function build(db: Db, legislature: number): Promise<LegislatureMatrices> {
  const { store } = db;
  const scrutins = (await store.all<{ uid: string }>('SELECT uid FROM scrutins WHERE legislature = ? ORDER BY date, numero', [legislature])).map((r) => r.uid);
  const row = new Map(scrutins.map((uid, i) => [uid, i]));
  // ordinal last: a deputy's latest group is the one of their last vote, in the same order on both engines
  const votes = await store.all<{ s: string; a: string; o: string; p: keyof typeof POSITION_CODES }>(
    `SELECT v.scrutin_uid AS s, v.acteur_ref AS a, v.organe_ref AS o, v.position AS p
       FROM deputy_votes v JOIN scrutins s ON s.uid = v.scrutin_uid WHERE s.legislature = ? ORDER BY s.date, s.numero, v.scrutin_uid, v.ordinal`,
    [legislature],
  );
  const deputyCols = new Map<string, number>();
  const groupOf = new Map<string, string>();
  for (const v of votes) {
    if (!deputyCols.has(v.a)) deputyCols.set(v.a, deputyCols.size);
    groupOf.set(v.a, v.o);
  }
  const width = deputyCols.size;
  const positions = new Uint8Array(scrutins.length * width);
  for (const v of votes) positions[row.get(v.s)! * width + deputyCols.get(v.a)!] = POSITION_CODES[v.p];

  // in file order: the groups' columns come out in the same order on both engines
  const groupRows = await store.all<{ s: string; o: string; p: 'pour' | 'contre' | 'abstention' }>(
    `SELECT g.scrutin_uid AS s, g.organe_ref AS o, g.majority_position AS p
       FROM scrutin_groups g JOIN scrutins s ON s.uid = g.scrutin_uid WHERE s.legislature = ? ORDER BY s.date, s.numero, g.scrutin_uid, g.position`,
    [legislature],
  );
  const groupCols = new Map<string, number>();
  for (const g of groupRows) if (!groupCols.has(g.o)) groupCols.set(g.o, groupCols.size);
  const gPositions = new Uint8Array(scrutins.length * groupCols.size);
  for (const g of groupRows) gPositions[row.get(g.s)! * groupCols.size + groupCols.get(g.o)!] = POSITION_CODES[g.p];

  return {
    deputies: { scrutins, columns: [...deputyCols.keys()], positions },
    groups: { scrutins, columns: [...groupCols.keys()], positions: gPositions },
    groupOf,
  };
}
