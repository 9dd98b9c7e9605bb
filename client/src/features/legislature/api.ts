import { FlippableResponseSchema, LeverageResponseSchema } from '@parallele/core';
import { get } from '../../lib/api';

/** GET /api/legislatures/:n/leverage: scrutins a bloc of K could have tipped (best case), per K. */
export const fetchLeverage = (legislature: number, ks: readonly number[], mode = 'proportional') =>
  get(LeverageResponseSchema, `/legislatures/${legislature}/leverage`, { ks: ks.join(','), mode });

/** GET /api/legislatures/:n/flippable: which ones, with their K*, smallest first. */
export const fetchFlippable = (legislature: number, k: number, mode: string, page = 1, pageSize = 50) =>
  get(FlippableResponseSchema, `/legislatures/${legislature}/flippable`, { k, mode, page, pageSize });
