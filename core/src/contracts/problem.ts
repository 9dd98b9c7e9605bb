import { z } from 'zod';

/**
 * The error body of every HTTP API answer that is not a success: RFC 9457 problem details
 * (`application/problem+json`). `param` names the first bad parameter, `errors` lists them all.
 */
export const InvalidParamSchema = z.object({
  param: z.string(),
  in: z.enum(['query', 'params', 'body', 'headers', 'cookies']),
  detail: z.string(),
});
export type InvalidParam = z.infer<typeof InvalidParamSchema>;

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    /** stable machine-readable code: `invalid_request`, `not_found`… */
    code: z.string(),
    param: z.string().optional(),
    errors: z.array(InvalidParamSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof ProblemSchema>;
