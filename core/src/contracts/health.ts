import { z } from 'zod';

/** GET /api/health: liveness plus a cheap check that the store answers. */
export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    db: z.object({ ok: z.boolean(), scrutins: z.number().int().nonnegative() }),
    /** seconds since the process started */
    uptime: z.number().nonnegative(),
  })
  .meta({ id: 'Health' });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
