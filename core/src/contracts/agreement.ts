import { z } from 'zod';
import { emptyAsUndefined } from './scrutins';
import { wholeParam } from './simulation';

/** HTTP contract of "Qui vote comme moi ?" (GET /api/me/agreement): only ever the signed-in citizen's. */

export const AgreementQuerySchema = z.strictObject({
  legislature: emptyAsUndefined(wholeParam('legislature', 1, 99)).default(17),
  minCompared: emptyAsUndefined(wholeParam('minCompared', 1, 10_000)).default(10),
});

export const DifferencesQuerySchema = z.strictObject({
  legislature: emptyAsUndefined(wholeParam('legislature', 1, 99)).default(17),
  with: z.string().regex(/^P[AO]\d+$/, 'with: a deputy (PA…) or group (PO…) ref'),
});

const ScoreFields = {
  compared: z.number().int(),
  score: z.number().nullable().meta({ description: '0…1, null when fewer than minCompared scrutins were compared' }),
  agreed: z.number().int(),
  opposed: z.number().int(),
};

export const AgreementResponseSchema = z
  .object({
    legislature: z.number().int(),
    minCompared: z.number().int(),
    /** the citizen's votes on scrutins of this legislature */
    myVotes: z.number().int(),
    rules: z.string(),
    deputies: z.array(z.object({ ref: z.string(), name: z.string(), groupRef: z.string().nullable(), ...ScoreFields })),
    groups: z.array(z.object({ ref: z.string(), name: z.string(), abbreviation: z.string().nullable(), ...ScoreFields })),
    closest: z.array(z.string()),
    farthest: z.array(z.string()),
    closestGroups: z.array(z.string()),
    farthestGroups: z.array(z.string()),
  })
  .meta({ id: 'Agreement' });
export type AgreementResponse = z.infer<typeof AgreementResponseSchema>;

export const DifferencesResponseSchema = z
  .object({
    with: z.string(),
    differences: z.array(z.object({ scrutinUid: z.string(), titre: z.string(), date: z.string(), mine: z.string(), theirs: z.string() })),
  })
  .meta({ id: 'AgreementDifferences' });
