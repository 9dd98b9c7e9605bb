import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AnParseError } from './errors';
import { parseScrutin } from './scrutin';

const DATA = fileURLToPath(new URL('../../../../data/opendata/scrutins/', import.meta.url));

interface RawFile {
  source: string;
  text: string;
}

function bundle(name: string): RawFile[] {
  const lines = gunzipSync(readFileSync(DATA + name)).toString('utf8').split('\n');
  return lines.filter((l) => l !== '').map((text, i) => ({ source: `${name}:${i + 1}`, text }));
}

const L17 = bundle('VTANR5L17V1-3876.ndjson.gz');
const L16 = bundle('VTANR5L16-samples.ndjson.gz');
const CONGRES: RawFile = { source: 'VTCGR5L16V1.json', text: readFileSync(DATA + 'VTCGR5L16V1.json', 'utf8') };
const ALL = [...L17, ...L16, CONGRES];

/* eslint-disable @typescript-eslint/no-explicit-any -- raw official JSON, navigated freely in tests */
const raw = (f: RawFile): any => JSON.parse(f.text);
const find = (uid: string): RawFile => {
  const f = ALL.find((x) => x.text.includes(`"uid": "${uid}"`));
  if (!f) throw new Error(`${uid} not in the bundles`);
  return f;
};
/** Whole-bundle tests: a generous bound, not a speed target (the machine may be busy). */
const HEAVY = 120_000;
const groupsOf = (j: any): any[] => [j.scrutin.ventilationVotes.organe.groupes.groupe].flat();

/** The four L16 files whose GDR count exceeds its nominative list by one (FORMAT.md §4). */
const LIST_EXCEPTIONS = ['VTANR5L16V1927', 'VTANR5L16V1929', 'VTANR5L16V1930', 'VTANR5L16V1948'];

describe('parseScrutin on every bundled scrutin', () => {
  it('finds the expected number of files', () => {
    expect(L17).toHaveLength(3876);
    expect(L16).toHaveLength(192);
  });

  it('parses all of them, with totals, group sums and outcome equal to the official ones', () => {
    const nonVotantExceptions: string[] = [];
    const listExceptions: string[] = [];
    for (const file of ALL) {
      const j = raw(file);
      const sv = j.scrutin.syntheseVote;
      const s = parseScrutin(j, file.source);
      expect(s.uid).toBe(j.scrutin.uid);
      expect(s.totals).toEqual({
        pour: Number(sv.decompte.pour),
        contre: Number(sv.decompte.contre),
        abstentions: Number(sv.decompte.abstentions),
        nonVotants: Number(sv.decompte.nonVotants),
        votants: Number(sv.nombreVotants),
        exprimes: Number(sv.suffragesExprimes),
        requis: Number(sv.nbrSuffragesRequis),
      });
      expect(s.outcome).toBe(j.scrutin.sort.code);
      expect(s.type).toBe(j.scrutin.typeVote.codeTypeVote);
      expect(s.outcome === 'adopté').toBe(s.totals.pour >= s.totals.requis);
      const sum = (k: 'pour' | 'contre' | 'abstentions' | 'nonVotants') => s.groups.reduce((a, g) => a + g[k], 0);
      expect([sum('pour'), sum('contre'), sum('abstentions')]).toEqual([s.totals.pour, s.totals.contre, s.totals.abstentions]);
      if (sum('nonVotants') !== s.totals.nonVotants) nonVotantExceptions.push(s.uid);
      // groups in file order, with their official counts
      const rawGroups = groupsOf(j);
      expect(s.groups.map((g) => g.organeRef)).toEqual(rawGroups.map((g) => g.organeRef));
      expect(s.groups.map((g) => g.members)).toEqual(rawGroups.map((g) => Number(g.nombreMembresGroupe)));
      // nominative lists: one DeputyVote per listed votant, per group and position
      s.groups.forEach((g, i) => {
        const listed = (p: string) => s.deputies.filter((d) => d.organeRef === g.organeRef && d.position === p).length;
        // PO0 occurs several times in one scrutin: compare per index only where the ref is unique
        if (s.groups.filter((x) => x.organeRef === g.organeRef).length > 1) return;
        const counts = [listed('pour'), listed('contre'), listed('abstention'), listed('nonVotant')];
        if (counts.join() !== [g.pour, g.contre, g.abstentions, g.nonVotants].join()) listExceptions.push(`${s.uid}#${i}`);
      });
    }
    expect(nonVotantExceptions).toEqual(['VTANR5L17V1']);
    expect(listExceptions.map((x) => x.split('#')[0])).toEqual(LIST_EXCEPTIONS);
  }, HEAVY);

  it('keeps every named deputy: the number of votants listed in the file', () => {
    for (const file of [...L16, CONGRES, ...L17.slice(0, 300)]) {
      const listed = (file.text.match(/"acteurRef"/g) ?? []).length;
      const s = parseScrutin(raw(file), file.source);
      expect(s.deputies.length + s.misesAuPoint.length).toBe(listed);
    }
  }, HEAVY);
});

describe('parseScrutin quirks', () => {
  it('reads the Congrès file with its singular keys, SSG type and senators', () => {
    const s = parseScrutin(raw(CONGRES), CONGRES.source);
    expect(s).toMatchObject({ uid: 'VTCGR5L16V1', type: 'SSG', place: 'Congrès', outcome: 'adopté' });
    expect(s.totals).toMatchObject({ pour: 780, contre: 72, abstentions: 50, requis: 512 });
    expect(s.groups).toHaveLength(20);
    expect(s.deputies.filter((d) => d.position === 'pour')).toHaveLength(780);
    expect(s.deputies.filter((d) => d.position === 'abstention')).toHaveLength(50);
  });

  it('reads the L17 miseAuPoint arrays [null, X] and dysfonctionnement', () => {
    const f = find('VTANR5L17V3613');
    const j = raw(f);
    const s = parseScrutin(j, f.source);
    const map = j.scrutin.miseAuPoint;
    const n = (b: any) => (b == null ? 0 : [b.votant].flat().length);
    const expected =
      n(map.nonVotants?.[1]) + n(map.pours) + n(map.contres) + n(map.abstentions?.[1]) + n(map.nonVotantsVolontaires?.[1]);
    const dys = Object.values(map.dysfonctionnement).reduce((a: number, b) => a + n(b), 0);
    expect(s.misesAuPoint.filter((m) => !m.malfunction)).toHaveLength(expected);
    expect(s.misesAuPoint.filter((m) => m.malfunction)).toHaveLength(dys);
    expect(s.misesAuPoint.find((m) => m.acteurRef === 'PA793928')).toMatchObject({ position: 'nonVotant', malfunction: false });
    expect(s.misesAuPoint.find((m) => m.acteurRef === 'PA720256')).toMatchObject({ position: 'pour' });
    expect(dys).toBeGreaterThan(0);
  });

  it('reads an L16 file: no lieuVote, no numPlace, null miseAuPoint, nonVotants without parDelegation', () => {
    const f = L16[0]!;
    const s = parseScrutin(raw(f), f.source);
    expect(s.place).toBeNull();
    expect(s.deputies.every((d) => d.seat === null)).toBe(true);
    const nv = s.deputies.filter((d) => d.position === 'nonVotant');
    expect(nv.length).toBeGreaterThan(0);
    expect(nv.every((d) => d.byProxy === null && d.cause !== null)).toBe(true);
  });

  it('accepts dangling PO0 group refs (VTANR5L17V489)', () => {
    const f = find('VTANR5L17V489');
    const s = parseScrutin(raw(f), f.source);
    expect(s.groups.filter((g) => g.organeRef === 'PO0').length).toBeGreaterThan(1);
  });

  it('accepts a single groupe as an object, real numbers, and nil objects', () => {
    const f = find('VTANR5L17V12');
    const j = raw(f);
    const g = groupsOf(j).find((x) => Number(x.vote.decompteVoix.pour) > 0)!;
    const [pour, contre, abst] = ['pour', 'contre', 'abstentions'].map((k) => Number(g.vote.decompteVoix[k])) as [number, number, number];
    j.scrutin.ventilationVotes.organe.groupes.groupe = g;
    const sv = j.scrutin.syntheseVote;
    sv.decompte = { ...sv.decompte, pour, contre, abstentions: abst, nonVotants: 0 };
    sv.nombreVotants = pour + contre + abst;
    sv.suffragesExprimes = pour + contre;
    sv.nbrSuffragesRequis = Math.floor((pour + contre) / 2) + 1;
    j.scrutin.sort.code = pour >= sv.nbrSuffragesRequis ? 'adopté' : 'rejeté';
    j.scrutin.miseAuPoint = { '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@xsi:nil': 'true' };
    const s = parseScrutin(j, f.source);
    expect(s.groups).toHaveLength(1);
    expect(s.totals.pour).toBe(pour);
    expect(s.misesAuPoint).toEqual([]);
  });
});

describe('parseScrutin rejects malformed input with the uid, source and JSON path', () => {
  const base = () => {
    const f = find('VTANR5L17V12');
    return { f, j: raw(f) };
  };
  const message = (mutate: (j: any) => void): string => {
    const { f, j } = base();
    mutate(j);
    try {
      parseScrutin(j, f.source);
    } catch (e) {
      expect(e).toBeInstanceOf(AnParseError);
      return (e as Error).message;
    }
    throw new Error('expected an AnParseError');
  };
  const where = `VTANR5L17V12 (VTANR5L17V1-3876.ndjson.gz:12)`;

  it('a negative count', () => {
    expect(message((j) => (j.scrutin.syntheseVote.decompte.pour = '-3'))).toBe(
      `${where}: scrutin.syntheseVote.decompte.pour: expected a non-negative integer, got "-3"`,
    );
  });

  it('a non-numeric count, inside a group', () => {
    expect(message((j) => (groupsOf(j)[3].vote.decompteVoix.contre = 'douze'))).toBe(
      `${where}: scrutin.ventilationVotes.organe.groupes.groupe[3].vote.decompteVoix.contre: expected a non-negative integer, got "douze"`,
    );
  });

  it('a missing syntheseVote', () => {
    expect(message((j) => delete j.scrutin.syntheseVote)).toBe(`${where}: scrutin.syntheseVote: missing`);
  });

  it('an unknown vote type', () => {
    expect(message((j) => (j.scrutin.typeVote.codeTypeVote = 'SPX'))).toBe(
      `${where}: scrutin.typeVote.codeTypeVote: expected one of SPO, SPS, MOC, SSG, got "SPX"`,
    );
  });

  it('totals that do not add up', () => {
    expect(message((j) => (j.scrutin.syntheseVote.nombreVotants = '9999'))).toMatch(
      /scrutin\.syntheseVote\.nombreVotants: 9999 is not pour \+ contre \+ abstentions/,
    );
    expect(message((j) => (j.scrutin.syntheseVote.suffragesExprimes = '1'))).toMatch(/suffragesExprimes: 1 is not pour \+ contre/);
  });

  it('an outcome that contradicts the counts', () => {
    expect(message((j) => (j.scrutin.sort.code = j.scrutin.sort.code === 'adopté' ? 'rejeté' : 'adopté'))).toMatch(
      /scrutin\.sort\.code: "(adopté|rejeté)" contradicts the counts \(pour \d+, nbrSuffragesRequis \d+\)/,
    );
  });

  it('an unknown outcome code', () => {
    expect(message((j) => (j.scrutin.sort.code = 'ajourné'))).toBe(`${where}: scrutin.sort.code: expected one of adopté, rejeté, got "ajourné"`);
  });

  it('group counts that do not add up to the totals', () => {
    expect(
      message((j) => {
        const g = groupsOf(j)[0];
        g.vote.decompteVoix.pour = String(Number(g.vote.decompteVoix.pour) + 1);
      }),
    ).toMatch(/scrutin\.ventilationVotes\.organe\.groupes\.groupe: the groups' pour add up to \d+, but syntheseVote\.decompte\.pour is \d+/);
  });

  it('a bad votant, named by its index', () => {
    expect(
      message((j) => {
        const g = groupsOf(j).find((x) => Array.isArray(x.vote.decompteNominatif.pours?.votant));
        g.vote.decompteNominatif.pours.votant[1].parDelegation = 'peut-être';
      }),
    ).toMatch(/groupe\[\d+\]\.vote\.decompteNominatif\.pours\.votant\[1\]\.parDelegation: expected "true" or "false", got "peut-être"/);
  });

  it('an unknown position key in a nominative list', () => {
    expect(message((j) => (groupsOf(j)[0].vote.decompteNominatif.absents = null))).toMatch(
      /groupe\[0\]\.vote\.decompteNominatif\.absents: unknown position key/,
    );
  });

  it('a bad date, a uid that does not match its numero, a document that is not a scrutin', () => {
    expect(message((j) => (j.scrutin.dateScrutin = '12/03/2025'))).toBe(
      `${where}: scrutin.dateScrutin: expected a date YYYY-MM-DD, got "12/03/2025"`,
    );
    expect(message((j) => (j.scrutin.numero = '13'))).toMatch(/scrutin\.uid: expected a uid ending with L17V13/);
    expect(() => parseScrutin({ acteur: {} }, 'x.json')).toThrow('x.json: scrutin: missing');
    expect(() => parseScrutin('nope', 'x.json')).toThrow('x.json: (root): expected an object, got "nope"');
  });
});
