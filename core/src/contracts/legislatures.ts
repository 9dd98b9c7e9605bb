import { z } from 'zod';
import { OUTCOMES, VOTE_TYPES } from '../an/model';
import { emptyAsUndefined } from './scrutins';
import { ModeParamSchema, wholeParam } from './simulation';

/**
 * HTTP contract of GET /api/legislatures/:n/flippable: the scrutins of a legislature that a bloc
 * of K MaVoix deputies could have overturned in the best case (all contre on an adopted text, all
 * pour on a rejected one), each with its best-case tipping point K*. It lists what
 * /api/legislatures/:n/leverage counts.
 */
export const FlippableQuerySchema = z.strictObject({
  k: wholeParam('k', 1, 577).meta({ description: 'Size K of the MaVoix bloc', example: 10 }),
  mode: emptyAsUndefined(ModeParamSchema).default('proportional'),
  page: emptyAsUndefined(wholeParam('page', 1, 1_000_000)).default(1),
  pageSize: emptyAsUndefined(wholeParam('pageSize', 1, 200)).default(50),
});
export type FlippableQuery = z.output<typeof FlippableQuerySchema>;

export const FlippableItemSchema = z
  .object({
    uid: z.string(),
    numero: z.number().int(),
    date: z.string(),
    type: z.enum(VOTE_TYPES),
    titre: z.string(),
    outcome: z.enum(OUTCOMES),
    /** best-case K*: the smallest K that overturns the official outcome */
    tippingPoint: z.number().int(),
  })
  .meta({ id: 'FlippableScrutin' });
export type FlippableItem = z.infer<typeof FlippableItemSchema>;

export const FlippableResponseSchema = z
  .object({
    legislature: z.number().int(),
    k: z.number().int(),
    mode: z.string(),
    /** scrutins of the legislature, and how many of them have K* ≤ k */
    scrutins: z.number().int(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** smallest K* first, then newest first */
    items: z.array(FlippableItemSchema),
  })
  .meta({ id: 'FlippableScrutins' });
export type FlippableResponse = z.infer<typeof FlippableResponseSchema>;
