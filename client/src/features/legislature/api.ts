import { z } from 'zod';
import { get } from '../../lib/api';

/**
 * GET /api/legislatures/:n/leverage?ks=&mode= (issue 3): for each K, how many scrutins of the
 * legislature a bloc of K could have tipped in the best case. Same shape as `npm run leverage --json`.
 */
export const LeverageResponseSchema = z.object({
  legislature: z.number().int(),
  mode: z.string(),
  scrutins: z.number().int(),
  flippable: z.record(z.string(), z.number().int()),
});
export type LeverageResponse = z.infer<typeof LeverageResponseSchema>;

export const fetchLeverage = (legislature: number, ks: readonly number[], mode = 'proportional') =>
  get(LeverageResponseSchema, `/legislatures/${legislature}/leverage`, { ks: ks.join(','), mode });

/**
 * GET /api/legislatures/:n/flippable?k=&mode=&page=: the scrutins a bloc of K could have tipped
 * in the best case (K* ≤ K), each with its K*, smallest K* first.
 */
export const FlippableItemSchema = z.object({
  uid: z.string(),
  numero: z.number().int(),
  date: z.string(),
  type: z.string(),
  titre: z.string(),
  outcome: z.enum(['adopté', 'rejeté']),
  tippingPoint: z.number().int(),
});
export const FlippableResponseSchema = z.object({
  legislature: z.number().int(),
  k: z.number().int(),
  mode: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(FlippableItemSchema),
});
export type FlippableResponse = z.infer<typeof FlippableResponseSchema>;

export const fetchFlippable = (legislature: number, k: number, mode: string, page = 1) =>
  get(FlippableResponseSchema, `/legislatures/${legislature}/flippable`, { k, mode, page, pageSize: 50 });
