import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { checkMepRows, EpFormatError, epOrganeDocuments, epScrutinDocument, type EpMepRow, type EpVoteRow } from '@parallele/core';
import { SourceReadError, type SourceItem } from '@parallele/scrapers';
import { REPO_ROOT } from '../../config';

/**
 * Reader of the European Parliament roll-call votes in the HowTheyVote.eu CSV format (data/ep,
 * see its ATTRIBUTION.md): it yields documents of the official AN JSON shape, one per organe and
 * per final vote, so the SAME importer (and parser) take them. A source is the folder holding
 * `ep<term>-main-votes.csv` and `ep<term>-main-votes-by-mep.csv`, or the votes file itself.
 */
export const BUNDLED_EP_DIR = join(REPO_ROOT, 'data/ep');

const VOTES = /^ep(\d+)-main-votes\.csv$/;

/** The votes file of an EP source, or null when `path` is not one. */
export async function epVotesFile(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.isFile()) return VOTES.test(basename(path)) ? path : null;
    for (const term of [10, 9, 11]) {
      const candidate = join(path, `ep${term}-main-votes.csv`);
      if ((await stat(candidate).catch(() => null))?.isFile()) return candidate;
    }
  } catch {
    return null;
  }
  return null;
}

const REQUIRED_VOTE_COLUMNS = ['id', 'timestamp', 'display_title', 'count_for', 'count_against', 'count_abstention', 'result'] as const;

function csv(text: string, location: string): Record<string, string>[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (e) {
    throw new SourceReadError(location, `not a readable CSV file (${(e as Error).message})`);
  }
}

function failure(location: string, detail: string): SourceItem {
  return { name: basename(location), location, error: new SourceReadError(location, detail) };
}

export async function* readEpSource(path: string): AsyncGenerator<SourceItem> {
  const votesPath = await epVotesFile(path);
  if (!votesPath) return yield failure(path, 'not a European Parliament source (expected ep<term>-main-votes.csv)');
  const term = Number(VOTES.exec(basename(votesPath))![1]);
  const mepsPath = join(dirname(votesPath), `ep${term}-main-votes-by-mep.csv`);
  let votes: Record<string, string>[];
  let meps: EpMepRow[];
  try {
    votes = csv(await readFile(votesPath, 'utf8'), basename(votesPath));
    const missing = REQUIRED_VOTE_COLUMNS.filter((c) => votes.length > 0 && !(c in votes[0]!));
    if (missing.length > 0) return yield failure(votesPath, `missing column(s) ${missing.join(', ')}`);
    meps = csv(await readFile(mepsPath, 'utf8'), basename(mepsPath)).map((r) => ({
      id: r['member.id'] ?? '',
      country: r['member.country.code'] ?? '',
      group: r['member.group.short_label'] ?? '',
      positions: new Map(Object.entries(r).filter(([k]) => /^\d+$/.test(k))),
    }));
    checkMepRows(meps, (i) => `${basename(mepsPath)}:${i + 2}`);
  } catch (e) {
    if (e instanceof SourceReadError) return yield { name: basename(path), location: e.location, error: e };
    if (e instanceof EpFormatError) return yield failure(mepsPath, e.message);
    return yield failure(mepsPath, (e as Error).message);
  }
  for (const [i, json] of epOrganeDocuments(term).entries()) yield { name: `organe ${i}`, location: `${basename(votesPath)}#organes[${i}]`, json };
  for (const [i, row] of votes.entries()) {
    const location = `${basename(votesPath)}:${i + 2}`;
    if (!meps.some((m) => m.positions.has(row.id ?? ''))) {
      yield failure(location, `vote ${row.id}: no column ${row.id} in ${basename(mepsPath)}`);
      continue;
    }
    yield { name: `vote ${row.id}`, location, json: epScrutinDocument(term, row as unknown as EpVoteRow, meps) };
  }
}
