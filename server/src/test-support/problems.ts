import { expect } from 'vitest';
import type { Response } from 'supertest';
import { ProblemSchema } from '@parallele/core';

/** Asserts a response is an RFC 9457 problem of `status` and, if given, that it names `param`. */
export function expectProblem(res: Response, status: number, param?: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = ProblemSchema.parse(res.body);
  expect(problem.status).toBe(status);
  if (param !== undefined) {
    expect(problem.param).toBe(param);
    expect(problem.errors?.map((e) => e.param) ?? [param]).toContain(param);
    if (status === 400) expect(problem.detail).toContain(param);
  }
  return problem;
}
