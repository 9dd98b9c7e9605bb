import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion } from './apportion';
import { SimulationError } from './errors';
import { bestCaseSplit, kCurve, simulate, tippingPoint } from './simulate';
import { byUid, congres, l16Samples, l17 } from './test-support/real-data';
import { requiredFor, ruleOf, type SimScrutin } from './types';

/** The worked examples of issue 3 (17th legislature, split 55/35/10 at K = 10). */
const EXAMPLES = [
  { uid: 'VTANR5L17V3260', mode: 'proportional', pour: 187, contre: 183, abst: 6, required: 186, outcome: 'adopté', kSplit: 2, kBest: 1 },
  { uid: 'VTANR5L17V3260', mode: 'added', pour: 191, contre: 187, abst: 6, required: 190, outcome: 'adopté', kSplit: null, kBest: 1 },
  { uid: 'VTANR5L17V3058', mode: 'proportional', pour: 273, contre: 0, abst: 0, required: 289, outcome: 'rejeté', kSplit: 230, kBest: 33 },
  { uid: 'VTANR5L17V3058', mode: 'added', pour: 277, contre: 0, abst: 0, required: 294, outcome: 'rejeté', kSplit: 350, kBest: 36 },
  { uid: 'VTANR5L17V519', mode: 'proportional', pour: 332, contre: 0, abst: 0, required: 288, outcome: 'adopté', kSplit: null, kBest: 76 },
  { uid: 'VTANR5L17V2000', mode: 'proportional', pour: 59, contre: 81, abst: 5, required: 71, outcome: 'rejeté', kSplit: 101, kBest: 24 },
] as const;

describe('simulate on the worked examples of the 17th legislature', { timeout: 120_000 }, () => {
  for (const ex of EXAMPLES) {
    it(`reproduces ${ex.uid} in ${ex.mode} mode: tally, threshold, outcome and both tipping points`, () => {
      const s = byUid(ex.uid);
      const r = simulate(s, { k: 10, split: [55, 35, 10], mode: ex.mode });
      expect(r.parallel).toEqual({ pour: ex.pour, contre: ex.contre, abstentions: ex.abst, required: ex.required, outcome: ex.outcome });
      expect(r.tippingPoint).toBe(ex.kSplit);
      expect(tippingPoint(s, { split: bestCaseSplit(s.outcome), mode: ex.mode })).toBe(ex.kBest);
    });
  }

  it('takes the split as percentages or citizen counts alike (same ratios, same result)', () => {
    const s = byUid('VTANR5L17V2000');
    expect(simulate(s, { k: 10, split: '5500,3500,1000' }).parallel).toEqual(simulate(s, { k: 10, split: [55, 35, 10] }).parallel);
  });
});

function officialRequired(s: SimScrutin): number {
  const members = s.groups.reduce((a, g) => a + g.members, 0);
  return requiredFor(ruleOf(s.type), s.totals.pour, s.totals.contre, members);
}

describe('K = 0 reproduces the official result', { timeout: 120_000 }, () => {
  const all = [...l17(), ...l16Samples(), congres()];

  it(`over every bundled scrutin (${3876 + 192 + 1}): totals, threshold from the rules and outcome`, () => {
    expect(all.length).toBe(3876 + 192 + 1);
    const mismatches: string[] = [];
    for (const s of all) {
      for (const mode of ['proportional', 'added'] as const) {
        const r = simulate(s, { k: 0, split: [1, 1, 1], mode });
        const want = { pour: s.totals.pour, contre: s.totals.contre, abstentions: s.totals.abstentions, required: s.totals.requis, outcome: s.outcome };
        if (JSON.stringify(r.parallel) !== JSON.stringify(want)) mismatches.push(`${s.uid} ${mode}: ${JSON.stringify(r.parallel)} ≠ ${JSON.stringify(want)}`);
      }
      // the threshold recomputed from the rules (for MOC from the members M = Σ nombreMembresGroupe)
      if (officialRequired(s) !== s.totals.requis) mismatches.push(`${s.uid}: required ${officialRequired(s)} ≠ official ${s.totals.requis}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('covers all four vote types, including the 12 L17 motions de censure and the Congrès', () => {
    const types = new Map<string, number>();
    for (const s of all) types.set(s.type, (types.get(s.type) ?? 0) + 1);
    expect(types.get('MOC')).toBeGreaterThanOrEqual(12);
    expect(types.get('SSG')).toBe(1);
    expect(types.get('SPS')).toBeGreaterThan(0);
  });
});

/** The rules of the issue, written the naive way, as an oracle for the optimised engine. */
function reference(s: SimScrutin, k: number, split: [number, number, number], mode: 'proportional' | 'added') {
  const [kp, kc, ka] = apportion(k, split) as [number, number, number];
  let rp = 0, rc = 0, ra = 0, rAll = 0;
  if (mode === 'proportional') {
    const d = apportion(k, s.groups.map((g) => g.members));
    s.groups.forEach((g, i) => {
      const absent = Math.max(0, g.members - g.pour - g.contre - g.abstentions - g.nonVotants);
      const cats = [g.pour, g.contre, g.abstentions, g.nonVotants, absent];
      const rem = d[i]! === 0 ? [0, 0, 0, 0, 0] : apportion(d[i]!, cats);
      rp += rem[0]!;
      rc += rem[1]!;
      ra += rem[2]!;
      rAll += rem.reduce((a, b) => a + b, 0);
      rem.forEach((x, j) => expect(x).toBeLessThanOrEqual(cats[j]!));
    });
    expect(rAll).toBe(k);
  }
  const moc = s.type === 'MOC';
  const pour = s.totals.pour - rp + kp;
  const contre = moc ? 0 : s.totals.contre - rc + kc;
  const abstentions = moc ? 0 : s.totals.abstentions - ra + ka;
  const M = s.groups.reduce((a, g) => a + g.members, 0) + (mode === 'added' ? k : 0);
  const required = requiredFor(ruleOf(s.type), pour, contre, M);
  return { pour, contre, abstentions, required, outcome: pour >= required ? 'adopté' : 'rejeté' };
}

const synthetic: fc.Arbitrary<SimScrutin> = fc
  .tuple(
    fc.constantFrom('SPO', 'MOC', 'SSG') ,
    fc.array(
      fc.tuple(fc.integer({ min: 1, max: 60 }), fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(5)).map(([m, p, c, a, nv]) => {
        // positions never exceed the members
        const pour = Math.min(p, m);
        const contre = Math.min(c, m - pour);
        const abstentions = Math.min(a, m - pour - contre);
        return { organeRef: `PO${m}${p}`, members: m, pour, contre, abstentions, nonVotants: Math.min(nv, m - pour - contre - abstentions) };
      }),
      { minLength: 1, maxLength: 14 },
    ),
  )
  .map(([type, groups]) => {
    const moc = type === 'MOC';
    const gs = moc ? groups.map((g) => ({ ...g, contre: 0, abstentions: 0 })) : groups;
    const pour = gs.reduce((a, g) => a + g.pour, 0);
    const contre = gs.reduce((a, g) => a + g.contre, 0);
    const M = gs.reduce((a, g) => a + g.members, 0);
    const requis = requiredFor(ruleOf(type), pour, contre, M);
    return {
      uid: 'synthetic',
      type,
      outcome: pour >= requis ? 'adopté' : 'rejeté',
      totals: { pour, contre, abstentions: gs.reduce((a, g) => a + g.abstentions, 0), nonVotants: 0, requis },
      groups: gs,
    } satisfies SimScrutin;
  });

describe('the optimised engine follows the rules (properties)', { timeout: 120_000 }, () => {
  it('matches the naive rules for any assembly, K, split and mode, and conserves votes', () => {
    fc.assert(
      fc.property(synthetic, fc.nat(1000), fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)).filter(([a, b, c]) => a + b + c > 0), fc.constantFrom('proportional', 'added' as const), (s, rawK, split, mode) => {
        const M = s.groups.reduce((a, g) => a + g.members, 0);
        const k = rawK % (M + 1);
        const r = simulate(s, { k, split, mode });
        expect(r.parallel).toEqual(reference(s, k, split, mode));
        // conservation: bloc seats sum to K, removals never exceed K, the tally moves only by them
        expect(r.bloc.pour + r.bloc.contre + r.bloc.abstentions).toBe(k);
        expect(r.removed.pour + r.removed.contre + r.removed.abstentions).toBeLessThanOrEqual(mode === 'added' ? 0 : k);
        if (s.type !== 'MOC') {
          expect(r.parallel.pour + r.parallel.contre + r.parallel.abstentions).toBe(
            s.totals.pour + s.totals.contre + s.totals.abstentions - r.removed.pour - r.removed.contre - r.removed.abstentions + k,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is the identity at K = 0 for any assembly (property)', () => {
    fc.assert(
      fc.property(synthetic, fc.constantFrom('proportional', 'added' as const), (s, mode) => {
        const r = simulate(s, { k: 0, split: [3, 2, 1], mode });
        expect(r.parallel).toEqual({ pour: s.totals.pour, contre: s.totals.contre, abstentions: s.totals.abstentions, required: s.totals.requis, outcome: s.outcome });
        expect(r.flipped).toBe(false);
      }),
    );
  });

  it('matches the naive rules on real scrutins at every K of a curve', () => {
    for (const uid of ['VTANR5L17V3260', 'VTANR5L17V3058', 'VTANR5L17V2000', 'VTANR5L17V489']) {
      const s = byUid(uid);
      const c = kCurve(s, { split: [55, 35, 10] });
      for (let k = 0; k <= c.to; k += 7) {
        const ref = reference(s, k, [55, 35, 10], 'proportional');
        expect([c.pour[k], c.contre[k], c.abstentions[k], c.required[k], c.adopted[k] ? 'adopté' : 'rejeté']).toEqual([ref.pour, ref.contre, ref.abstentions, ref.required, ref.outcome]);
      }
    }
  });
});

describe('tipping points and curves', { timeout: 120_000 }, () => {
  it('agrees with the curve: K* is the first K ≥ 1 whose outcome differs, found without assuming monotonicity', () => {
    for (const s of l17().slice(0, 400)) {
      const split = [40, 50, 10] as const;
      const c = kCurve(s, { split });
      let first: number | null = null;
      for (let k = 1; k <= c.to; k++) if ((c.adopted[k] === 1) !== (s.outcome === 'adopté')) { first = k; break; }
      expect(tippingPoint(s, { split })).toBe(first);
      expect(c.firstFlip).toBe(first);
    }
  });

  it('finds real scrutins whose outcome is not monotonic in K (parity and apportionment effects)', () => {
    let nonMonotonic = 0;
    for (const s of l17().slice(0, 1500)) {
      const c = kCurve(s, { split: [50, 50, 0] });
      let changes = 0;
      for (let k = 1; k <= c.to; k++) if (c.adopted[k] !== c.adopted[k - 1]) changes++;
      if (changes > 1) nonMonotonic++;
    }
    expect(nonMonotonic).toBeGreaterThan(0);
  });

  it('searches K* up to 577 in added mode by default and up to maxK when asked', () => {
    const s = byUid('VTANR5L17V3058');
    expect(tippingPoint(s, { split: [55, 35, 10], mode: 'added' })).toBe(350);
    expect(tippingPoint(s, { split: [55, 35, 10], mode: 'added', maxK: 300 })).toBeNull();
  });

  it('gives a curve with margin = pour − required and starts where asked', () => {
    const c = kCurve(byUid('VTANR5L17V2000'), { split: [55, 35, 10], from: 95, to: 105 });
    expect(c.pour.length).toBe(11);
    for (let i = 0; i < 11; i++) expect(c.margin[i]).toBe(c.pour[i]! - c.required[i]!);
    expect(c.firstFlip).toBe(101);
  });
});

describe('displacement modes', { timeout: 120_000 }, () => {
  it('replaces members of one group only with group:<organeRef>', () => {
    const s = byUid('VTANR5L17V2000');
    const g = s.groups.find((x) => x.pour > 0 && x.members >= 10)!;
    const r = simulate(s, { k: g.members, split: [0, 1, 0], mode: `group:${g.organeRef}` });
    // the whole group replaced: all its pour, contre and abstentions are gone
    expect(r.removed).toEqual({ pour: g.pour, contre: g.contre, abstentions: g.abstentions });
    expect(() => simulate(s, { k: g.members + 1, split: [0, 1, 0], mode: `group:${g.organeRef}` })).toThrow(/k: K = \d+ exceeds the \d+ members of group/);
  });

  it('treats the several PO0 entries of a scrutin as one group', () => {
    const s = byUid('VTANR5L17V489');
    const po0 = s.groups.filter((g) => g.organeRef === 'PO0');
    expect(po0.length).toBeGreaterThan(1);
    const size = po0.reduce((a, g) => a + g.members, 0);
    expect(simulate(s, { k: size, split: [1, 0, 0], mode: 'group:PO0' }).removed.pour).toBe(po0.reduce((a, g) => a + g.pour, 0));
  });

  it('removes the recorded positions of the named deputies with deputies:<ref,…>', () => {
    const s = byUid('VTANR5L17V3260');
    const pours = s.deputies!.filter((d) => d.position === 'pour').slice(0, 2);
    const contre = s.deputies!.find((d) => d.position === 'contre')!;
    const mode = `deputies:${[...pours, contre].map((d) => d.acteurRef).join(',')}`;
    const r = simulate(s, { k: 3, split: [0, 0, 1], mode });
    expect(r.removed).toEqual({ pour: 2, contre: 1, abstentions: 0 });
    expect(r.parallel.pour).toBe(s.totals.pour - 2);
    expect(r.parallel.abstentions).toBe(s.totals.abstentions + 3);
  });

  it('reports unknown groups, unknown deputies, K out of range and bad splits as typed errors naming the parameter', () => {
    const s = byUid('VTANR5L17V3260');
    const M = s.groups.reduce((a, g) => a + g.members, 0);
    const expectError = (f: () => unknown, code: string, parameter: string) => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(SimulationError);
        expect((e as SimulationError).code).toBe(code);
        expect((e as SimulationError).parameter).toBe(parameter);
        expect((e as SimulationError).message.startsWith(`${parameter}:`)).toBe(true);
      }
    };
    expectError(() => simulate(s, { k: M + 1, split: [1, 1, 1] }), 'k-out-of-range', 'k');
    expectError(() => simulate(s, { k: -1, split: [1, 1, 1] }), 'k-out-of-range', 'k');
    expectError(() => simulate(s, { k: 1.5, split: [1, 1, 1] }), 'k-out-of-range', 'k');
    expectError(() => simulate(s, { k: 1, split: [1, 1, 1], mode: 'group:PO999' }), 'unknown-group', 'mode');
    expectError(() => simulate(s, { k: 1, split: [1, 1, 1], mode: 'deputies:PA1' }), 'unknown-deputy', 'mode');
    expectError(() => simulate(s, { k: 1, split: [1, 1, 1], mode: 'deputies:PA1,PA1' }), 'bad-mode', 'mode');
    expectError(() => simulate(s, { k: 1, split: [1, 1, 1], mode: 'sideways' }), 'bad-mode', 'mode');
    expectError(() => simulate(s, { k: 1, split: '1,2' }), 'bad-split', 'split');
    expectError(() => simulate(s, { k: 1, split: '1,-2,3' }), 'bad-split', 'split');
    expectError(() => simulate(s, { k: 1, split: '0,0,0' }), 'bad-split', 'split');
    expectError(() => simulate(s, { k: 1, split: [1, 1, 1], method: 'borda' }), 'bad-method', 'method');
    expectError(() => kCurve(s, { split: [1, 1, 1], from: 10, to: 5 }), 'bad-range', 'to');
    // added mode has no upper bound from the members
    expect(simulate(s, { k: M + 100, split: [1, 1, 1], mode: 'added' }).k).toBe(M + 100);
  });
});
