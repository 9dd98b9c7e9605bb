import { describe, expect, it } from 'vitest';
import { agreementScores, differences, rankByAgreement, type PositionMatrix } from './agreement';

// 4 scrutins × 3 deputies: A votes like the citizen, B the opposite, C is mostly absent
const matrix: PositionMatrix = {
  scrutins: ['S1', 'S2', 'S3', 'S4'],
  columns: ['A', 'B', 'C'],
  // codes: 0 absent, 1 pour, 2 contre, 3 abstention, 4 non-votant
  positions: Uint8Array.from([1, 2, 0, 2, 1, 4, 3, 1, 0, 1, 3, 1]),
};
const citizen = new Map([['S1', 'pour'], ['S2', 'contre'], ['S3', 'abstention'], ['S4', 'pour']] as const);

describe('agreement scores', () => {
  it('counts same positions 1, opposite 0, abstention against a vote ½, and leaves absences out', () => {
    const [a, b, c] = agreementScores(matrix, citizen, 1);
    expect(a).toEqual({ column: 'A', compared: 4, score: 1, agreed: 4, opposed: 0 });
    // S1 opposed, S2 opposed, S3 abstention vs pour = ½, S4 abstention vs pour = ½
    expect(b).toEqual({ column: 'B', compared: 4, score: 0.25, agreed: 0, opposed: 2 });
    // absent on S1 and S3, non-votant on S2: one scrutin compared
    expect(c).toEqual({ column: 'C', compared: 1, score: 1, agreed: 1, opposed: 0 });
  });

  it('hides a score computed on too few scrutins, and ranks the others', () => {
    const scores = agreementScores(matrix, citizen, 2);
    expect(scores[2]!.score).toBeNull();
    expect(rankByAgreement(scores).map((s) => s.column)).toEqual(['A', 'B']);
  });

  it('ignores scrutins the citizen did not vote on, and lists the differences', () => {
    expect(agreementScores(matrix, new Map([['S9', 'pour']]), 1).every((s) => s.compared === 0)).toBe(true);
    expect(differences(matrix, citizen, 'B')).toEqual([
      { scrutinUid: 'S1', citizen: 'pour', other: 'contre' },
      { scrutinUid: 'S2', citizen: 'contre', other: 'pour' },
      { scrutinUid: 'S3', citizen: 'abstention', other: 'pour' },
      { scrutinUid: 'S4', citizen: 'pour', other: 'abstention' },
    ]);
  });
});
