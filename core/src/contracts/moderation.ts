import { z } from 'zod';

/** HTTP contracts of moderation: flags raised by the burst detector, reviewed by admins. */

export const FLAG_STATUSES = ['open', 'cleared', 'confirmed'] as const;
export const FlagStatusSchema = z.enum(FLAG_STATUSES);
export type FlagStatus = z.infer<typeof FlagStatusSchema>;

export const FlagSchema = z.object({
  id: z.number().int(),
  voterId: z.string(),
  status: FlagStatusSchema,
  reason: z.string(),
  /** the network (/24 or /64) and the cluster the detector saw */
  network: z.string(),
  scrutinUid: z.string().nullable(),
  clusterSize: z.number().int(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type Flag = z.infer<typeof FlagSchema>;

export const FlagListQuerySchema = z.object({
  status: FlagStatusSchema.default('open'),
  limit: z.coerce.number().int().positive().max(1000).default(200),
  offset: z.coerce.number().int().nonnegative().default(0),
});
export type FlagListQuery = z.infer<typeof FlagListQuerySchema>;

export const FlagListResponseSchema = z.object({ flags: z.array(FlagSchema), total: z.number().int() });
export type FlagListResponse = z.infer<typeof FlagListResponseSchema>;

export const ReviewFlagBodySchema = z.strictObject({
  decision: z.enum(['clear', 'confirm']),
  note: z.string().max(1000).optional(),
});
export type ReviewFlagBody = z.infer<typeof ReviewFlagBodySchema>;

export const FlagIdParamSchema = z.coerce.number().int().positive();

/** Admin: open the platform vote on an upcoming scrutin, set or move its closing time, or close it. */
export const VoteWindowBodySchema = z.strictObject({
  closesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  closed: z.boolean().optional(),
  title: z.string().trim().min(1).max(500).optional(),
});
export type VoteWindowBody = z.infer<typeof VoteWindowBodySchema>;

export const DetectorRunResponseSchema = z.object({ flagged: z.number().int(), clusters: z.number().int() });
export type DetectorRunResponse = z.infer<typeof DetectorRunResponseSchema>;
