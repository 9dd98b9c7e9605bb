import type { PlatformRecord, RecordRow } from '@parallele/core';
import { getScrutin } from '../../db/an-store';
import type { Db } from '../../db/client';
import type { QuestionsService } from './service';

/**
 * The platform's record for a legislature: every question voted before the deputies, its mandate,
 * the Assembly's outcome on the text (its final linked scrutin), what K MaVoix deputies carrying
 * the mandate would have done, and the largest divergences between citizens and the Assembly
 * (only questions with at least minVotes votes: three votes do not make a headline).
 */
export async function platformRecord(db: Db, questions: QuestionsService, legislature: number, k: number, minVotes: number): Promise<PlatformRecord> {
  const rows: RecordRow[] = [];
  for (const q of await questions.list(legislature)) {
    const final = q.links.filter((l) => l.role === 'final').at(-1) ?? null;
    const s = final ? await getScrutin(db, final.scrutinUid) : null;
    const assemblyPour = s && s.totals.pour + s.totals.contre > 0 ? round((100 * s.totals.pour) / (s.totals.pour + s.totals.contre)) : null;
    const m = q.mandate;
    const citizensPour = m && m.pour + m.contre > 0 ? round((100 * m.pour) / (m.pour + m.contre)) : null;
    const parallel = final && m ? await questions.parallelOf(final.scrutinUid, m, k) : null;
    rows.push({
      questionId: q.id, title: q.title, dossierRef: q.dossierRef, closesAt: q.closesAt, mandate: m,
      scrutinUid: final?.scrutinUid ?? null, scrutinTitre: final?.titre ?? null, outcome: final?.outcome ?? null,
      assemblyPour, citizensPour, divergence: assemblyPour !== null && citizensPour !== null ? round(Math.abs(citizensPour - assemblyPour)) : null,
      parallelOutcome: parallel?.outcome ?? null, flipped: parallel?.flipped ?? null, tippingPoint: parallel?.tippingPoint ?? null,
    });
  }
  const divergences = rows
    .filter((r) => r.divergence !== null && (r.mandate?.total ?? 0) >= minVotes)
    .sort((a, b) => b.divergence! - a.divergence! || a.questionId.localeCompare(b.questionId));
  return { legislature, k, minVotes, questions: rows, divergences, changed: rows.filter((r) => r.flipped === true).length };
}

const round = (x: number) => Math.round(x * 10) / 10;

const CSV_COLUMNS = [
  'questionId', 'title', 'dossierRef', 'closesAt', 'votes', 'pour', 'contre', 'abstention', 'scrutinUid', 'outcome',
  'assemblyPour', 'citizensPour', 'divergence', 'parallelOutcome', 'flipped', 'tippingPoint',
] as const;

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // a cell starting with = + - @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function recordCsv(record: PlatformRecord): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of record.questions) {
    const values = [
      r.questionId, r.title, r.dossierRef, r.closesAt, r.mandate?.total, r.mandate?.pour, r.mandate?.contre, r.mandate?.abstention, r.scrutinUid,
      r.outcome, r.assemblyPour, r.citizensPour, r.divergence, r.parallelOutcome, r.flipped, r.tippingPoint,
    ];
    lines.push(values.map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
