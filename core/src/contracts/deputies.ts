import { z } from 'zod';
import { OUTCOMES, POSITIONS, VOTE_TYPES } from '../an/model';
import { pageSchema, PaginationQuerySchema } from './scrutins';
import { GroupSchema } from './groups';

/** HTTP contracts of a deputy's page: who they are and how they voted, newest first. */

export const ActeurRefSchema = z.string().regex(/^PA\d{1,12}$/, 'expected an acteur ref such as PA720256');

export const DeputyParamsSchema = z.strictObject({ ref: ActeurRefSchema });

export const DeputyPositionsQuerySchema = z.strictObject({ ...PaginationQuerySchema.shape });
export type DeputyPositionsQuery = z.output<typeof DeputyPositionsQuerySchema>;

export const DeputySchema = z
  .object({
    ref: z.string(),
    civility: z.string().nullable(),
    /** null when the acteur has positions but no acteur file (left before the referential snapshot) */
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    alpha: z.string().nullable(),
    birthDate: z.string().nullable(),
    groupRef: z.string().nullable(),
    group: GroupSchema.nullable(),
  })
  .meta({ id: 'Deputy' });
export type DeputyDto = z.infer<typeof DeputySchema>;

export const DeputyPositionSchema = z
  .object({
    scrutinUid: z.string(),
    legislature: z.number().int(),
    numero: z.number().int(),
    date: z.string(),
    type: z.enum(VOTE_TYPES),
    outcome: z.enum(OUTCOMES),
    titre: z.string(),
    position: z.enum(POSITIONS),
    byProxy: z.boolean().nullable(),
    cause: z.string().nullable(),
    /** the group the deputy voted with in that scrutin */
    organeRef: z.string(),
  })
  .meta({ id: 'DeputyPosition' });
export type DeputyPosition = z.infer<typeof DeputyPositionSchema>;

export const DeputyResponseSchema = z
  .object({
    deputy: DeputySchema,
    positions: pageSchema(DeputyPositionSchema),
  })
  .meta({ id: 'DeputyWithPositions' });
export type DeputyResponse = z.infer<typeof DeputyResponseSchema>;
