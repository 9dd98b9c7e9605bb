import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseActeur } from './acteur';
import { parseOfficialDocument } from './document';
import { AnParseError } from './errors';
import { parseOrgane } from './organe';

const DATA = fileURLToPath(new URL('../../../../data/opendata/', import.meta.url));

/* eslint-disable @typescript-eslint/no-explicit-any -- raw official JSON, navigated freely in tests */
const acteurLines = (name: string) =>
  gunzipSync(readFileSync(`${DATA}acteurs/${name}`))
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l, i) => ({ source: `${name}:${i + 1}`, json: JSON.parse(l) as any }));

const ACTEURS = [...acteurLines('acteurs-L16.ndjson.gz'), ...acteurLines('acteurs-L17.ndjson.gz')];
const ORGANES = ['L16', 'L17'].flatMap((l) =>
  readdirSync(`${DATA}organes/${l}`).map((f) => ({ source: `${l}/${f}`, json: JSON.parse(readFileSync(`${DATA}organes/${l}/${f}`, 'utf8')) as any })),
);

describe('parseActeur', () => {
  it('parses every bundled acteur, uid objects and missing mandats included', () => {
    expect(ACTEURS.length).toBeGreaterThan(1200);
    let withoutMandats = 0;
    for (const { source, json } of ACTEURS) {
      const d = parseActeur(json, source);
      expect(d.ref).toBe(json.acteur.uid['#text']);
      expect(d.lastName).toBe(json.acteur.etatCivil.ident.nom);
      expect(['M.', 'Mme']).toContain(d.civility);
      if (json.acteur.mandats === undefined) {
        withoutMandats++;
        expect(d.groupRef).toBeNull();
      }
    }
    expect(withoutMandats).toBe(27);
  }, 60_000);

  it('takes the newest GP mandate as the group', () => {
    const barnier = ACTEURS.find((a) => a.json.acteur.uid['#text'] === 'PA368')!;
    expect(parseActeur(barnier.json, barnier.source)).toMatchObject({ ref: 'PA368', lastName: 'Barnier', groupRef: 'PO845425', birthDate: '1951-01-09' });
  });

  it('rejects an acteur without a name, naming the uid and path', () => {
    const { source, json } = ACTEURS[0]!;
    const copy = structuredClone(json);
    delete copy.acteur.etatCivil.ident.nom;
    expect(() => parseActeur(copy, source)).toThrow(`${copy.acteur.uid['#text']} (${source}): acteur.etatCivil.ident.nom: missing`);
  });
});

describe('parseOrgane', () => {
  it('parses every bundled organe, assemblies without colour included', () => {
    for (const { source, json } of ORGANES) {
      const g = parseOrgane(json, source);
      expect(g.ref).toBe(json.organe.uid);
      expect(g.name).toBe(json.organe.libelle);
      if (g.kind === 'GP') expect(g.colour).toMatch(/^#[0-9A-F]{6}$/i);
      else expect(g.colour).toBeNull();
    }
    const rn = ORGANES.find((o) => o.json.organe.uid === 'PO845401')!;
    expect(parseOrgane(rn.json, rn.source)).toEqual({
      ref: 'PO845401',
      kind: 'GP',
      name: 'Rassemblement National',
      abbreviation: 'RN',
      colour: '#313567',
      politicalPosition: null,
      legislature: 17,
      startDate: '2024-07-18',
      endDate: null,
      preseance: 1,
    });
  });

  it('rejects a bad preseance with its path', () => {
    const copy = structuredClone(ORGANES.find((o) => o.json.organe.uid === 'PO845401')!.json);
    copy.organe.preseance = 'premier';
    expect(() => parseOrgane(copy, 'PO845401.json')).toThrow('PO845401.json: organe.preseance: expected a non-negative integer, got "premier"');
  });
});

describe('parseOfficialDocument', () => {
  it('tells scrutins, acteurs and organes apart', () => {
    const scrutin = JSON.parse(readFileSync(`${DATA}scrutins/VTCGR5L16V1.json`, 'utf8'));
    expect(parseOfficialDocument(scrutin, 'VTCGR5L16V1.json').kind).toBe('scrutin');
    expect(parseOfficialDocument(ACTEURS[0]!.json, ACTEURS[0]!.source).kind).toBe('acteur');
    expect(parseOfficialDocument(ORGANES[0]!.json, ORGANES[0]!.source).kind).toBe('organe');
  });

  it('rejects anything else with a clear message', () => {
    expect(() => parseOfficialDocument({ dossier: {} }, 'x.json:3')).toThrow(
      new AnParseError('x.json:3', '(root)', 'expected a scrutin, acteur or organe key, got keys: dossier'),
    );
    expect(() => parseOfficialDocument([1], 'x.json')).toThrow(/x\.json: \(root\): expected an object with a scrutin, acteur or organe key, got \[1\]/);
  });
});
