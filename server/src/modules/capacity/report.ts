import { readFileSync } from 'node:fs';
import { CapacityReportSchema, type CapacityReport } from '@parallele/core';
import { AppError } from '../../errors';

const HOW = 'run `npm run bench -- scale --save <file>` and point CAPACITY_FILE at it';

/**
 * The capacity report the operator saved. A missing or bad file is the operator's to fix, and
 * says what to fix: the file, then the first bad field by its path (`votes.sqlite1.cpuMsPerVote`).
 */
export function readCapacityReport(path: string, shown = path): CapacityReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('capacity_report_missing', `No capacity report at ${shown}: ${HOW}.`, { status: 503, operational: true, extras: { file: shown } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(shown, '(file)', `not JSON: ${(error as Error).message}`);
  }
  const parsed = CapacityReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(shown, issue.path.join('.') || '(root)', issue.message);
  }
  return parsed.data;
}

const invalid = (file: string, field: string, message: string) =>
  new AppError('capacity_report_invalid', `The capacity report ${file} is invalid: ${field}: ${message}. ${HOW[0]!.toUpperCase()}${HOW.slice(1)} again.`, {
    status: 503,
    operational: true,
    extras: { file, field },
  });
