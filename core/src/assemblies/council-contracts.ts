import { z } from 'zod';

/**
 * POST /api/admin/councils (issue 15 §4): the JSON of a council file (CouncilFileSchema checks it
 * on the server, naming every bad field in the problem's `problems`), optionally with the
 * deliberations' CSV text; the answer says what was imported.
 */
export const CouncilImportBodySchema = z.object({ deliberationsCsv: z.string().max(1_000_000).optional() }).passthrough();
export type CouncilImportBody = z.infer<typeof CouncilImportBodySchema>;

export const CouncilImportSummarySchema = z
  .object({
    council: z.string(),
    fictional: z.boolean(),
    deliberations: z.object({ imported: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    uids: z.array(z.string()),
  })
  .meta({ id: 'CouncilImportSummary' });
export type CouncilImportSummary = z.infer<typeof CouncilImportSummarySchema>;

/** The bad fields a 400 problem of this route lists (`problems`), or none. */
export const councilProblems = (problem: unknown): string[] => {
  const parsed = z.object({ problems: z.array(z.string()) }).safeParse(problem);
  return parsed.success ? parsed.data.problems : [];
};
