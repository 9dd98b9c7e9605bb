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

/** GET /api/my-deputy: find one's deputy by département + circonscription, or by name. */
export const MyDeputyQuerySchema = z
  .strictObject({
    legislature: emptyAsUndefined(wholeParam('legislature', 1, 99)).default(17),
    departement: z.string().regex(/^(\d{2,3}|2[AB])$/i, 'departement: a département number such as 75, 2A or 971').optional(),
    circo: emptyAsUndefined(wholeParam('circo', 1, 99)).optional(),
    name: z.string().trim().min(2, 'name: at least 2 letters').max(80).optional(),
  })
  .refine((q) => q.name !== undefined || (q.departement !== undefined && q.circo !== undefined), {
    message: 'give departement and circo, or name',
    path: ['departement'],
  });

export const MyDeputyResponseSchema = z
  .object({
    deputies: z.array(
      z.object({
        ref: z.string(), name: z.string(), groupRef: z.string().nullable(), departement: z.string(), numDepartement: z.string(), numCirco: z.number().int(),
        startDate: z.string().nullable(), endDate: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'MyDeputy' });
export type MyDeputyResponse = z.infer<typeof MyDeputyResponseSchema>;

/** PUT /api/me/constituency: the citizen's circonscription (optional; DELETE forgets it). */
/** A seat as the AN writes it (`numDepartement` 099: the Français établis hors de France); stored in the profile. */
export const MyConstituencyBodySchema = z.strictObject({
  numDepartement: z.string().regex(/^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-7]|98[6-8]|099)$/, 'numDepartement: a département number such as 75, 2A, 971 or 099'),
  numCirco: z.number().int().min(1).max(21),
});
export type MyConstituencyBody = z.infer<typeof MyConstituencyBodySchema>;
export const MyConstituencySchema = MyConstituencyBodySchema.nullable().meta({ id: 'MyConstituency' });
export type MyConstituency = z.infer<typeof MyConstituencySchema>;

export const DeputyVotesQuerySchema = z.strictObject({
  ref: z.string().regex(/^PA\d+$/, 'ref: a deputy ref such as PA720256'),
  legislature: emptyAsUndefined(wholeParam('legislature', 1, 99)).default(17),
  limit: emptyAsUndefined(wholeParam('limit', 1, 500)).default(50),
});

/** The deputy's votes, the citizen's beside them, and the split of the citizens of the deputy's constituency. */
export const DeputyVotesResponseSchema = z
  .object({
    ref: z.string(),
    /** the constituency split is shown only from this many votes (a smaller count could reveal a neighbour's vote) */
    minSplit: z.number().int(),
    votes: z.array(
      z.object({
        scrutinUid: z.string(), titre: z.string(), date: z.string(), deputy: z.string(), mine: z.string().nullable(),
        constituency: z.object({ pour: z.number().int(), contre: z.number().int(), abstention: z.number().int(), total: z.number().int() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'DeputyVotes' });

export const AgreementShareSchema = z.object({ token: z.string(), path: z.string() }).meta({ id: 'AgreementShare' });
export const ShareTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'token: a share link token') });
