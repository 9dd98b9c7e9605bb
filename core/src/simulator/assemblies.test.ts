import { describe, expect, it } from 'vitest';
import { ASSEMBLIES, hypotheticalScrutin, municipalCouncil, simulateHypothetical } from './assemblies';
import { simulateElection } from './election';

describe('assemblies as data', () => {
  it('describes the AN, the Sénat, the European Parliament (81 French seats) and the Congrès (3/5)', () => {
    expect(ASSEMBLIES.an.seats).toBe(577);
    expect(ASSEMBLIES.senat.seats).toBe(348);
    expect([ASSEMBLIES['parlement-europeen'].seats, ASSEMBLIES['parlement-europeen'].maxBloc]).toEqual([720, 81]);
    expect([ASSEMBLIES.congres.seats, ASSEMBLIES.congres.rule]).toEqual([925, 'three-fifths']);
    expect(ASSEMBLIES.congres.seats).toBe(ASSEMBLIES.an.seats + ASSEMBLIES.senat.seats);
    expect(municipalCouncil(69).seats).toBe(69);
    expect(() => municipalCouncil(0)).toThrow(/^seats:/);
  });

  it('simulates a hypothetical vote in a 33-seat municipal council', () => {
    const council = municipalCouncil(33);
    const vote = { groups: [{ name: 'Majorité', members: 25, pour: 20, contre: 2, abstentions: 1 }, { name: 'Opposition', members: 8, pour: 0, contre: 8 }] };
    const s = hypotheticalScrutin(council, vote);
    expect(s.totals).toEqual({ pour: 20, contre: 10, abstentions: 1, nonVotants: 0, requis: 16 });
    expect(s.outcome).toBe('adopté');
    const r = simulateHypothetical(council, vote, { k: 10, split: [0, 1, 0] });
    // 10 replaced: apportion(10, [25, 8]) = [8, 2]. In the majority, 8 over (pour 20, contre 2,
    // abst 1, nv 0, absent 2): floors 6, 0, 0, 0, 0, then the remainders .64 (contre) and .64
    // (absent, later) → 6 pour, 1 contre. In the opposition, 2 contre.
    expect(r.removed).toEqual({ pour: 6, contre: 3, abstentions: 0 });
    expect(r.parallel).toMatchObject({ pour: 14, contre: 17, abstentions: 1, required: 16, outcome: 'rejeté' });
    expect(r.tippingPoint).not.toBeNull();
  });

  it('applies 3/5 of the votes cast in the Congrès and caps the bloc at 81 in the European Parliament', () => {
    const congres = hypotheticalScrutin(ASSEMBLIES.congres, { groups: [{ name: 'A', members: 900, pour: 540, contre: 361 - 1 }] });
    // 540 pour of 900 cast: required ceil(3·900/5) = 540 → adopted
    expect(congres.totals.requis).toBe(540);
    expect(congres.outcome).toBe('adopté');
    const pe = ASSEMBLIES['parlement-europeen'];
    const vote = { groups: [{ name: 'PPE', members: 188, pour: 150, contre: 30 }, { name: 'S&D', members: 136, pour: 20, contre: 110 }] };
    expect(simulateHypothetical(pe, vote, { k: 81, split: [0, 1, 0] }).k).toBe(81);
    expect(() => simulateHypothetical(pe, vote, { k: 82, split: [0, 1, 0] })).toThrow(/^k: K = 82 exceeds the 81 seats/);
    expect(() => hypotheticalScrutin(ASSEMBLIES.senat, { groups: [{ name: 'X', members: 349, pour: 1, contre: 0 }] })).toThrow(/^groups: 349 members/);
    expect(() => hypotheticalScrutin(ASSEMBLIES.senat, { groups: [{ name: 'X', members: 3, pour: 3, contre: 1 }] })).toThrow(/^groups\[0\]/);
  });
});

describe('multi-candidate votes: election of the Président de l’Assemblée', () => {
  // first-round votes close to the election of 18 July 2024 (illustrative; blank count invented)
  const candidates = [
    { name: 'Yaël Braun-Pivet', votes: 124, birthDate: '1970-12-07' },
    { name: 'André Chassaigne', votes: 200, birthDate: '1950-07-02' },
    { name: 'Sébastien Chenu', votes: 142, birthDate: '1973-05-04' },
    { name: 'Philippe Juvin', votes: 48, birthDate: '1964-04-02' },
    { name: 'Charles de Courson', votes: 18, birthDate: '1952-04-02' },
  ];

  it('elects nobody in round 1 without an absolute majority of the votes cast', () => {
    const r = simulateElection({ candidates, members: 577, round: 1, blank: 40 }, { k: 0, split: [1, 0, 0, 0, 0] });
    expect(r.official.exprimes).toBe(532);
    expect(r.official.required).toBe(267);
    expect(r.official.winner).toBeNull();
  });

  it('lets a bloc split among candidates by the chosen method decide round 1', () => {
    const r = simulateElection({ candidates, members: 577, round: 1, blank: 40 }, { k: 60, split: [0, 100, 0, 0, 0], mode: 'added' });
    expect(r.bloc).toEqual([0, 60, 0, 0, 0, 0]);
    expect(r.parallel.votes[1]).toBe(260);
    expect(r.parallel.winner).toBeNull(); // 260 < floor(592/2) + 1 = 297
    // 150 more for Chassaigne: 350 of 682 cast ≥ 342
    const big = simulateElection({ candidates, members: 577, round: 1, blank: 40 }, { k: 150, split: [0, 1, 0, 0, 0], mode: 'added' });
    expect(big.parallel.required).toBe(342);
    expect(big.parallel.winner).toBe(1);
    expect(big.changed).toBe(true);
  });

  it('elects by relative majority in round 3, the elder candidate winning a tie', () => {
    const tie = [
      { name: 'Younger', votes: 200, birthDate: '1980-01-01' },
      { name: 'Elder', votes: 200, birthDate: '1950-01-01' },
    ];
    expect(simulateElection({ candidates: tie, members: 577, round: 3 }, { k: 0, split: [1, 1] }).official.winner).toBe(1);
    const r = simulateElection({ candidates: tie, members: 577, round: 3 }, { k: 3, split: [2, 1], method: 'dhondt', mode: 'added' });
    expect(r.bloc).toEqual([2, 1, 0]);
    expect(r.parallel.winner).toBe(0);
  });

  it('removes the replaced deputies in proportion to the ballots in proportional mode', () => {
    const r = simulateElection({ candidates, members: 577, round: 2, blank: 40 }, { k: 10, split: [1, 0, 0, 0, 0] });
    const removed = candidates.map((c, i) => c.votes + r.bloc[i]! - r.parallel.votes[i]!);
    expect(removed.reduce((a, b) => a + b, 0) + (40 - r.parallel.blank)).toBeLessThanOrEqual(10);
    expect(() => simulateElection({ candidates, members: 577, round: 2 }, { k: 1, split: [1, 2] })).toThrow(/^split:/);
    expect(() => simulateElection({ candidates, members: 100, round: 2 }, { k: 1, split: [1, 0, 0, 0, 0] })).toThrow(/^members:/);
  });
});
