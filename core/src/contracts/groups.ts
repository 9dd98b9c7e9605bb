import { z } from 'zod';

/** HTTP contracts of the groups (organes) referential. */

export const GroupListQuerySchema = z.strictObject({
  legislature: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(1).max(99).optional(),
    ),
  /** GP (political groups, default), ASSEMBLEE… or `all` */
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Za-z_]{1,20}$/, 'expected an organe kind such as GP, or all').optional()).default('GP'),
});
export type GroupListQuery = z.output<typeof GroupListQuerySchema>;

export const GroupSchema = z
  .object({
    ref: z.string(),
    kind: z.string(),
    name: z.string(),
    abbreviation: z.string().nullable(),
    colour: z.string().nullable(),
    politicalPosition: z.string().nullable(),
    legislature: z.number().int().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    preseance: z.number().int().nullable(),
  })
  .meta({ id: 'Group' });
export type GroupDto = z.infer<typeof GroupSchema>;

export const GroupListResponseSchema = z.object({ groups: z.array(GroupSchema) }).meta({ id: 'GroupList' });
export type GroupListResponse = z.infer<typeof GroupListResponseSchema>;
