/**
 * "Qui vote comme moi ?": how often a citizen and each deputy (or group) voted alike, over the
 * scrutins both voted on. Pure, over a dense position matrix so that one citizen against 577
 * deputies over a whole legislature stays a few milliseconds (npm run bench -- agenda).
 *
 * How positions count (shown to users):
 * - compared: the scrutins where both took a position, pour, contre or abstention. A deputy
 *   absent or non-votant (the presidency, a minister…) is not compared on that scrutin: their
 *   absence is not a disagreement, and the number compared is always shown.
 * - same position: 1; pour against contre: 0; abstention against pour or contre: ½ (half-way).
 * - score = points / compared. Scores on fewer than `minCompared` scrutins are hidden (null).
 */

export const POSITION_CODES = { absent: 0, pour: 1, contre: 2, abstention: 3, nonVotant: 4 } as const;
export type CitizenChoice = 'pour' | 'contre' | 'abstention';

export interface PositionMatrix {
  /** scrutin uids, one row each */
  scrutins: string[];
  /** the columns: deputies (acteur refs) or groups (organe refs) */
  columns: string[];
  /** row-major: positions[row * columns.length + column], POSITION_CODES values */
  positions: Uint8Array;
}

export interface AgreementScore {
  column: string;
  compared: number;
  /** points / compared, 0…1; null when fewer than minCompared scrutins were compared */
  score: number | null;
  agreed: number;
  /** opposite positions (pour vs contre) */
  opposed: number;
}

export const DEFAULT_MIN_COMPARED = 10;

const CODE: Record<CitizenChoice, number> = { pour: 1, contre: 2, abstention: 3 };

/** points ×2 for (citizen code, other code), 0 when not compared. Index: citizen * 5 + other. */
const POINTS2 = new Int8Array(20).fill(-1);
for (let c = 1; c <= 3; c++) {
  for (let o = 1; o <= 3; o++) POINTS2[c * 5 + o] = c === o ? 2 : c === 3 || o === 3 ? 1 : 0;
}

export function agreementScores(matrix: PositionMatrix, votes: ReadonlyMap<string, CitizenChoice>, minCompared = DEFAULT_MIN_COMPARED): AgreementScore[] {
  const width = matrix.columns.length;
  // A histogram per column of (citizen choice, their code), 16 slots: one increment per cell and
  // no branch in the loop that runs ~2.4M times for a whole legislature; scored afterwards.
  const hist = new Int32Array(width * 16);
  const { positions } = matrix;
  for (let row = 0; row < matrix.scrutins.length; row++) {
    const choice = votes.get(matrix.scrutins[row]!);
    if (choice === undefined) continue;
    const slot = (CODE[choice] - 1) * 5;
    const offset = row * width;
    for (let col = 0; col < width; col++) hist[(col << 4) + slot + positions[offset + col]!]! += 1;
  }
  return matrix.columns.map((column, col) => {
    let compared = 0;
    let points2 = 0;
    let agreed = 0;
    let opposed = 0;
    for (let c = 1; c <= 3; c++) {
      for (let o = 1; o <= 3; o++) {
        const n = hist[(col << 4) + (c - 1) * 5 + o]!;
        const p = POINTS2[c * 5 + o]!;
        compared += n;
        points2 += n * p;
        if (p === 2) agreed += n;
        else if (p === 0) opposed += n;
      }
    }
    return { column, compared, score: compared >= minCompared ? points2 / 2 / compared : null, agreed, opposed };
  });
}

/** The scored columns, closest first (ties: more compared first, then by ref). */
export function rankByAgreement(scores: readonly AgreementScore[]): AgreementScore[] {
  return scores
    .filter((s) => s.score !== null)
    .sort((a, b) => b.score! - a.score! || b.compared - a.compared || a.column.localeCompare(b.column));
}

/** The scrutins where the citizen and one column took opposite or different positions. */
export function differences(matrix: PositionMatrix, votes: ReadonlyMap<string, CitizenChoice>, column: string): { scrutinUid: string; citizen: CitizenChoice; other: CitizenChoice }[] {
  const col = matrix.columns.indexOf(column);
  if (col < 0) return [];
  const names: CitizenChoice[] = ['pour', 'contre', 'abstention'];
  const out: { scrutinUid: string; citizen: CitizenChoice; other: CitizenChoice }[] = [];
  matrix.scrutins.forEach((uid, row) => {
    const choice = votes.get(uid);
    const p = matrix.positions[row * matrix.columns.length + col]!;
    if (choice && p >= 1 && p <= 3 && p !== CODE[choice]) out.push({ scrutinUid: uid, citizen: choice, other: names[p - 1]! });
  });
  return out;
}
