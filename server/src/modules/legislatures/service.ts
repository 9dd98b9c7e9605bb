import { bestCaseTippingPoint, toSimScrutin, type FlippableItem, type FlippableQuery, type FlippableResponse, type Scrutin } from '@parallele/core';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { guarded, loadLegislature, watchStoreVersion } from '../simulation';

/** Largest bloc the list considers: the Assembly's seats. */
const MAX_K = 577;

/** Every scrutin of the legislature with its best-case K* (≤ 577), smallest K* first. */
export function flippableIndex(scrutins: readonly Scrutin[], mode: string): { scrutins: number; items: FlippableItem[] } {
  const items: FlippableItem[] = [];
  for (const s of scrutins) {
    const k = guarded(() => bestCaseTippingPoint(toSimScrutin(s), mode, MAX_K));
    if (k !== null) items.push({ uid: s.uid, numero: s.numero, date: s.date, type: s.type, titre: s.titre, outcome: s.outcome, tippingPoint: k });
  }
  items.sort((a, b) => a.tippingPoint - b.tippingPoint || b.date.localeCompare(a.date) || b.numero - a.numero);
  return { scrutins: scrutins.length, items };
}

export interface LegislaturesService {
  flippable(legislature: number, q: FlippableQuery): Promise<FlippableResponse>;
}

/** Caches the index per (legislature, mode) until the store changes. */
export function createLegislaturesService(db: Db): LegislaturesService {
  const cache = new Map<string, { scrutins: number; items: FlippableItem[] }>();
  const fresh = watchStoreVersion(db, () => cache.clear());
  return {
    async flippable(legislature, q) {
      await fresh();
      const key = `${legislature}|${q.mode}`;
      let index = cache.get(key);
      if (!index) {
        const scrutins = await loadLegislature(db, legislature);
        if (scrutins.length === 0) throw AppError.notFound(`No scrutin of legislature ${legislature} in the store`, { param: 'n' });
        index = flippableIndex(scrutins, q.mode);
        cache.set(key, index);
      }
      const matching = index.items.filter((i) => i.tippingPoint <= q.k);
      const start = (q.page - 1) * q.pageSize;
      return { legislature, k: q.k, mode: q.mode, scrutins: index.scrutins, total: matching.length, page: q.page, pageSize: q.pageSize, items: matching.slice(start, start + q.pageSize) };
    },
  };
}
