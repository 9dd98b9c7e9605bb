import { describe, expect, it } from 'vitest';
import { parseReunion } from './reunion';
import { AnParseError } from './errors';

/** A real séance file (RUANR5L17S2026IDS29952, the vote solennel on the PLF 2026), as published. */
const PLF_2026 = {
  reunion: {
    '@xmlns': 'http://schemas.assemblee-nationale.fr/referentiel',
    '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    '@xsi:type': 'seance_type',
    uid: 'RUANR5L17S2026IDS29952',
    timeStampDebut: '2025-11-24T16:00:00.000+01:00',
    lieu: { lieuRef: 'AN', libelleLong: 'Assemblée nationale' },
    cycleDeVie: { etat: 'Confirmé', chrono: { creation: '2025-10-21T00:00:00.000+02:00', cloture: null } },
    demandeur: null,
    organeReuniRef: 'PO838901',
    participants: null,
    visioConference: 'false',
    sessionRef: 'SCR5A2026O1',
    ouverturePresse: 'true',
    captationVideo: 'true',
    ODJ: {
      convocationODJ: null,
      resumeODJ: null,
      pointsODJ: {
        pointODJ: {
          '@xsi:type': 'podjSeanceConfPres_type',
          uid: 'RUANR5L17S2026IDS29952PT50996',
          cycleDeVie: { etat: 'Confirmé', chrono: { creation: '2025-10-21T00:00:00.000+02:00', cloture: null } },
          objet: 'Vote solennel sur le projet de loi de finances pour 2026',
          demandeurPoint: null,
          procedure: null,
          dossiersLegislatifsRefs: { dossierRef: 'DLR5L17N52428' },
          typePointODJ: 'Vote solennel',
          comiteSecret: 'false',
          textesAssocies: null,
          natureTravauxODJ: 'ODJPR',
        },
      },
    },
    compteRenduRef: null,
    identifiants: { numSeanceJO: null, idJO: null, quantieme: 'Unique', DateSeance: '2025-11-24+01:00' },
  },
};

const clone = <T>(x: T): T => structuredClone(x);
const point = (extra: Record<string, unknown>) => ({ ...PLF_2026.reunion.ODJ.pointsODJ.pointODJ, ...extra });

describe('parseReunion', () => {
  it('reads a séance with a single point given as an object', () => {
    const r = parseReunion(PLF_2026, 'RUANR5L17S2026IDS29952.json');
    expect(r.kind).toBe('seance');
    if (r.kind !== 'seance') return;
    expect(r.value).toMatchObject({ uid: 'RUANR5L17S2026IDS29952', legislature: 17, start: '2025-11-24T16:00:00.000+01:00', end: null, state: 'Confirmé', quantieme: 'Unique' });
    expect(r.value.points).toEqual([
      {
        uid: 'RUANR5L17S2026IDS29952PT50996', ordinal: 0, state: 'Confirmé', type: 'Vote solennel',
        objet: 'Vote solennel sur le projet de loi de finances pour 2026', dossierRef: 'DLR5L17N52428', procedure: null,
        tentative: false, voteExpected: 'solennel',
      },
    ]);
  });

  it('reads several points given as an array, each with its own state', () => {
    const doc = clone(PLF_2026);
    (doc.reunion.ODJ.pointsODJ as { pointODJ: unknown }).pointODJ = [
      point({ uid: 'RUANR5L17S2026IDS29952PT1', cycleDeVie: { etat: 'Supprimé', chrono: null } }),
      point({ uid: 'RUANR5L17S2026IDS29952PT2', typePointODJ: 'Discussion', objet: "Éloge funèbre d'Olivier Marleix", dossiersLegislatifsRefs: null }),
      point({ uid: 'RUANR5L17S2026IDS29952PT3', typePointODJ: 'Suite de la discussion', objet: 'Éventuellement, suite de la discussion du projet de loi' }),
    ];
    const r = parseReunion(doc, 'x.json');
    if (r.kind !== 'seance') throw new Error('expected a séance');
    expect(r.value.points.map((p) => [p.ordinal, p.state, p.voteExpected, p.tentative])).toEqual([
      [0, 'Supprimé', 'solennel', false],
      [1, 'Confirmé', null, false],
      [2, 'Confirmé', 'discussion', true],
    ]);
  });

  it('reads a séance without agenda (ODJ null) as one without points', () => {
    const doc = clone(PLF_2026) as { reunion: Record<string, unknown> };
    doc.reunion.ODJ = null;
    const r = parseReunion(doc, 'x.json');
    expect(r.kind === 'seance' && r.value.points).toEqual([]);
  });

  it('sets aside commission meetings and the Sénat séances of the AN feed', () => {
    const commission = clone(PLF_2026) as { reunion: Record<string, unknown> };
    commission.reunion['@xsi:type'] = 'reunionCommission_type';
    expect(parseReunion(commission, 'c.json')).toEqual({ kind: 'other', uid: 'RUANR5L17S2026IDS29952', type: 'reunionCommission_type' });
    const senat = clone(PLF_2026) as { reunion: Record<string, unknown> };
    senat.reunion.uid = 'RUSNR5L17S2026IDS1234';
    expect(parseReunion(senat, 's.json').kind).toBe('other');
  });

  it('names the file and the JSON path of a bad value', () => {
    const doc = clone(PLF_2026);
    (doc.reunion.ODJ.pointsODJ as { pointODJ: unknown }).pointODJ = [point({}), point({ uid: 'RUANR5L17S2026IDS29952PT2', typePointODJ: 7 })];
    expect(() => parseReunion(doc, 'agenda.ndjson.gz:12')).toThrow(
      new AnParseError('RUANR5L17S2026IDS29952 (agenda.ndjson.gz:12)', 'reunion.ODJ.pointsODJ.pointODJ[1].typePointODJ', 'expected a non-empty string, got 7'),
    );
    const badTime = clone(PLF_2026);
    badTime.reunion.timeStampDebut = 'lundi 24 novembre';
    expect(() => parseReunion(badTime, 'f.json')).toThrow(/reunion\.timeStampDebut: expected an ISO 8601 time/);
    expect(() => parseReunion({ reunion: { uid: 'VTANR5L17V1' } }, 'f.json')).toThrow(/reunion\.uid: expected a réunion uid/);
    expect(() => parseReunion([], 'f.json')).toThrow(/\(root\): expected an object/);
  });

  it('refuses a point that belongs to another séance', () => {
    const doc = clone(PLF_2026);
    (doc.reunion.ODJ.pointsODJ as { pointODJ: unknown }).pointODJ = point({ uid: 'RUANR5L17S2026IDS11111PT1' });
    expect(() => parseReunion(doc, 'f.json')).toThrow(/pointODJ\.uid: expected RUANR5L17S2026IDS29952PT…/);
  });
});
