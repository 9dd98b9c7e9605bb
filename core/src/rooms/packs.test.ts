import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PackSchema } from '../contracts/rooms';
import { l17 } from '../simulator/test-support/real-data';
import { JOIN_CODE_ALPHABET, generateJoinCode, isJoinCode } from './join-code';
import { customQuestion } from './questions';
import { RoomError } from './errors';
import { dataDir, election2024 } from './test-support/rooms';
import { seededRandom } from './teams';

const packs = readdirSync(`${dataDir}packs`).filter((f) => f.endsWith('.yaml')).map((f) => ({ f, pack: PackSchema.parse(parse(readFileSync(`${dataDir}packs/${f}`, 'utf8'))) }));

describe('shipped packs', { timeout: 120_000 }, () => {
  it('every pack file is valid and names real scrutins and election rounds', () => {
    const uids = new Set<string>(l17().map((s) => s.uid));
    const election = election2024();
    expect(packs.map((p) => p.pack.title.fr)).toEqual(expect.arrayContaining(['Les motions de censure de la 17e législature', 'Les votes les plus serrés', 'Budget 2026', "Élection du Président de l'Assemblée 2024"]));
    for (const { pack } of packs) {
      for (const q of pack.questions) {
        if (q.kind === 'scrutin') expect(uids.has(q.uid), q.uid).toBe(true);
        if (q.kind === 'election') expect(election.rounds.some((r) => r.round === q.round)).toBe(true);
      }
    }
    const mocs: string[] = l17().filter((s) => s.type === 'MOC').map((s) => s.uid);
    expect(packs.find((p) => p.pack.id === 'censures-l17')!.pack.questions.map((q) => (q.kind === 'scrutin' ? q.uid : ''))).toEqual(mocs);
  });

  it('the 2024 election file holds the three rounds as transcribed', () => {
    const e = election2024();
    expect(e.rounds.map((r) => r.candidates.reduce((a, c) => a + c.votes, 0) + r.blank)).toEqual([574, 569, 569]);
    expect(e.rounds[2]!.elected).toBe('Yaël Braun-Pivet (EPR)');
  });

  it('a malformed pack is refused naming the field', () => {
    const bad = PackSchema.safeParse({ id: 'x', title: { fr: 'a', en: 'b' }, description: { fr: 'a', en: 'b' }, source: 's', questions: [{ kind: 'custom', title: 'T', text: 'Q', assembly: { kind: 'fictional', name: 'N', parties: [{ name: 'A', seats: 0, position: 'pour' }] } }] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('questions.0.assembly.parties.0.seats');
    expect(paths).toContain('questions.0.assembly.parties');
  });
});

describe('custom questions', { timeout: 120_000 }, () => {
  it('a fictional assembly decides by the majority of votes cast', () => {
    const q = customQuestion({ kind: 'custom', title: 'Cantine', text: 'Bio ?', assembly: { kind: 'fictional', name: 'Conseil', parties: [{ name: 'A', seats: 12, position: 'contre' }, { name: 'B', seats: 17, position: 'pour' }, { name: 'C', seats: 6, position: 'abstention' }] } }, 0, null);
    expect(q.sim.totals).toMatchObject({ pour: 17, contre: 12, abstentions: 6, requis: 15 });
    expect(q.sim.outcome).toBe('adopté');
    expect(q.groups.map((g) => g.label)).toEqual(['A', 'B', 'C']);
  });
  it('AN groups: an unknown group is refused naming it', () => {
    const groups = { date: '2025-10-16', groups: [{ ref: 'PO1', label: 'RN', name: 'Rassemblement national', colour: null, members: 123 }] };
    expect(() => customQuestion({ kind: 'custom', title: 'T', text: 'Q', assembly: { kind: 'an', date: '2025-10-16', positions: { XYZ: 'pour' } } }, 0, groups)).toThrow(RoomError);
    expect(() => customQuestion({ kind: 'custom', title: 'T', text: 'Q', assembly: { kind: 'an', date: '2025-10-16', positions: { XYZ: 'pour' } } }, 0, groups)).toThrow(/assembly\.positions\.XYZ/);
  });
});

describe('join codes', { timeout: 120_000 }, () => {
  it('are 6 characters of an alphabet without ambiguous characters', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 500; i++) expect(isJoinCode(generateJoinCode(random))).toBe(true);
    for (const c of '01ILOSZ25B8UV') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });
});
