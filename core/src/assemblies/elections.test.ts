import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ElectionFileSchema, ElectionRecordSchema, parseElectionSplit, simulateElectionRound, unsimulableReason } from './elections';

const FILE = fileURLToPath(new URL('../../../data/elections/president-an.json', import.meta.url));
const data = ElectionFileSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
const y2024 = data.elections.find((e) => e.id === 'president-an-2024')!;
const y2022 = data.elections.find((e) => e.id === 'president-an-2022')!;
const toChassaigne = (names: string[]) => names.map((n) => (n === 'André Chassaigne' ? 1 : 0));

describe('the election of the Président de l’Assemblée, 18 July 2024', () => {
  it('K = 0 reproduces the three rounds: nobody elected in rounds 1 and 2, Yaël Braun-Pivet in round 3', () => {
    const [r1, r2, r3] = y2024.rounds;
    const at0 = (r: typeof r1) => simulateElectionRound(y2024, r!, { k: 0, split: r!.candidates!.map(() => 1) });
    expect(at0(r1).official).toMatchObject({ exprimes: 570, required: 286, winner: null });
    expect(at0(r2).official).toMatchObject({ exprimes: 569, required: 285, winner: null });
    const third = at0(r3);
    expect(third.official).toMatchObject({ exprimes: 569, required: null, winner: 0 });
    expect(third.candidates[third.official.winner!]).toBe(r3!.elected);
    expect(third.verdict).toBe('nothing');
  });

  it('shows what K MaVoix deputies voting for André Chassaigne in round 3 would have done: another winner from K = 20', () => {
    const r3 = y2024.rounds[2]!;
    const split = toChassaigne(r3.candidates!.map((c) => c.name));
    const at = (k: number) => simulateElectionRound(y2024, r3, { k, split });
    expect(at(10)).toMatchObject({ verdict: 'nothing', parallel: { votes: [216, 213, 139, 1], winner: 0 } });
    expect(at(20)).toMatchObject({ verdict: 'other-winner', parallel: { votes: [212, 220, 136, 1], winner: 1 } });
    // the bloc on top of the 577 instead of replacing deputies
    expect(simulateElectionRound(y2024, r3, { k: 14, split, mode: 'added' })).toMatchObject({ verdict: 'other-winner', parallel: { votes: [220, 221, 141, 1] } });
  });

  it('another round, or somebody elected at once, as the absolute majority moves', () => {
    const r1 = y2024.rounds[0]!;
    // 90 added votes for André Chassaigne: 290 of 660 cast, short of 331: still nobody
    expect(simulateElectionRound(y2024, r1, { k: 90, split: toChassaigne(r1.candidates!.map((c) => c.name)), mode: 'added' }).verdict).toBe('nothing');
    // 380 added: 580 of 950 → elected in round 1
    expect(simulateElectionRound(y2024, r1, { k: 380, split: toChassaigne(r1.candidates!.map((c) => c.name)), mode: 'added' }).verdict).toBe('elected-now');
  });
});

describe('the 2022 election is shipped with its gaps, not filled', () => {
  it('refuses to simulate a round whose figures are unknown or incomplete, saying why', () => {
    expect(unsimulableReason(y2022.rounds[0]!)).toMatch(/round 1: its figures are unknown \(every figure of round 1/);
    expect(() => simulateElectionRound(y2022, y2022.rounds[1]!, { k: 1, split: [1] })).toThrow(/round 2: the candidates' votes do not cover the 462 votes cast/);
  });
});

describe('an election typed in by a workshop facilitator', () => {
  it('is validated by the same schema, naming every bad field', () => {
    const bad = ElectionRecordSchema.safeParse({
      id: 'Atelier 1',
      title: 'Délégué·e de classe',
      date: '2026-13-01',
      members: 30,
      source: 'atelier',
      rounds: [{ round: 2, rule: 'unanimity', candidates: [{ name: 'A', votes: -1 }, { name: 'A', votes: 40 }] }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'date', 'rounds.0.rule', 'rounds.0.candidates.0.votes']));
  });

  it('simulates like the real one', () => {
    const room = ElectionRecordSchema.parse({
      id: 'atelier-1', title: 'Délégué·e', date: '2026-11-30', members: 30, source: 'saisi par l’animatrice',
      rounds: [{ round: 1, rule: 'absolute', blank: 1, candidates: [{ name: 'A', votes: 12 }, { name: 'B', votes: 11 }] }],
    });
    expect(simulateElectionRound(room, room.rounds[0]!, { k: 0, split: [1, 1] }).official.winner).toBe(0);
    expect(simulateElectionRound(room, room.rounds[0]!, { k: 4, split: parseElectionSplit('0,1', 2) }).verdict).toBe('other-winner');
    expect(() => parseElectionSplit('1,2,3,4', 2)).toThrow(/split: one weight per candidate \(2\), optionally then blank, got 4/);
  });
});
