/**
 * Issue 13: the agenda import (the bundled 4,601 réunions, 536 séances kept) into a fresh store,
 * then "qui vote comme moi ?": the agreement of ONE citizen who voted on all 3,876 L17 scrutins
 * with every deputy of the legislature (each column of the position matrix) and every group. The
 * matrix is what the server keeps in memory per legislature (agreement/matrix.ts); its build is
 * timed apart. Aim: < 50 ms per citizen.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { agreementScores, parseScrutin, POSITION_CODES, rankByAgreement, type CitizenChoice, type PositionMatrix } from '../core/src/index';
import { openDatabase } from '../server/src/db/client';
import { BUNDLED_DATA_DIR, importOfficialData } from '../server/src/import/import-service';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-agenda-bench-'));
  try {
    const db = openDatabase(`file:${join(dir, 'bench.db')}`);
    const t0 = performance.now();
    const first = await importOfficialData(db, join(BUNDLED_DATA_DIR, 'agenda'));
    const importMs = performance.now() - t0;
    const t1 = performance.now();
    const again = await importOfficialData(db, join(BUNDLED_DATA_DIR, 'agenda'));
    const reimportMs = performance.now() - t1;
    await db.close();
    if (first.errors.length > 0 || first.agenda.imported !== 536) throw new Error(`agenda import failed: ${JSON.stringify(first).slice(0, 400)}`);

    const lines = gunzipSync(readFileSync(join(BUNDLED_DATA_DIR, 'scrutins/VTANR5L17V1-3876.ndjson.gz'))).toString('utf8').split('\n').filter((l) => l !== '');
    const scrutins = lines.map((l, i) => parseScrutin(JSON.parse(l), `L17:${i + 1}`));
    const tb = performance.now();
    const cols = new Map<string, number>();
    for (const s of scrutins) for (const d of s.deputies) if (!cols.has(d.acteurRef)) cols.set(d.acteurRef, cols.size);
    const positions = new Uint8Array(scrutins.length * cols.size);
    scrutins.forEach((s, row) => {
      for (const d of s.deputies) positions[row * cols.size + cols.get(d.acteurRef)!] = POSITION_CODES[d.position];
    });
    const matrix: PositionMatrix = { scrutins: scrutins.map((s) => s.uid), columns: [...cols.keys()], positions };
    const buildMs = performance.now() - tb;

    // a citizen who voted on every scrutin (seeded, reproducible)
    let seed = 42;
    const choices: CitizenChoice[] = ['pour', 'contre', 'abstention'];
    const votes = new Map(scrutins.map((s) => [s.uid as string, choices[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 3]!]));
    const times: number[] = [];
    let ranked = 0;
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      const scores = agreementScores(matrix, votes, 10);
      ranked = rankByAgreement(scores).length;
      times.push(performance.now() - t);
    }
    return {
      agendaReunionsRead: first.read,
      agendaSeances: first.agenda.imported,
      agendaImportMs: Math.round(importMs),
      agendaReimportMs: Math.round(reimportMs),
      agendaReimportUnchanged: again.agenda.unchanged,
      agreementScrutins: scrutins.length,
      agreementDeputies: matrix.columns.length,
      agreementScored: ranked,
      matrixBuildMs: Math.round(buildMs),
      agreementMedianMs: Number(median(times).toFixed(2)),
      agreementMaxMs: Number(Math.max(...times).toFixed(2)),
      aimMs: 50,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
