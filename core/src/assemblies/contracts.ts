import { z } from 'zod';

/** A data-quality warning of a record (see quality.ts), as the API returns it. */
export const QualityWarningSchema = z
  .object({
    code: z.enum(['unattributed-votes']),
    message: z.string(),
    pour: z.number().int().nonnegative(),
    contre: z.number().int().nonnegative(),
    abstentions: z.number().int().nonnegative(),
  })
  .meta({ id: 'QualityWarning' });

/** The real assemblies whose votes the store holds. */
export const ASSEMBLY_IDS = ['an', 'ep', 'council'] as const;
export type AssemblyId = (typeof ASSEMBLY_IDS)[number];

/** `/api/assemblies/:assembly/scrutins`: the same list as /api/scrutins (which lists the AN's), for one assembly. */
export const AssemblyParamsSchema = z.strictObject({ assembly: z.enum(ASSEMBLY_IDS, { error: `assembly: expected ${ASSEMBLY_IDS.join(' or ')}` }) });

/** Which assembly a record belongs to, from its uid alone (a list item carries no organe). */
export const assemblyOfUid = (uid: string): AssemblyId => (/^PEL\d+V\d+$/.test(uid) ? 'ep' : uid.startsWith('CM-') ? 'council' : 'an');
