import { describe, expect, it } from 'vitest';
import { amendementNumberOf, parseAmendement } from '../an/parse';
import { guessWithAmendements, type MatchedAmendement } from './link';

const SDIS = { dossierRef: 'DLR5L17N51346', objet: 'Suite de la discussion de la proposition de loi portant création du cadre d’emploi des personnels de santé des services d’incendie et de secours' };
const FRELON = { dossierRef: 'DLR5L16N49472', objet: 'Suite de la discussion de la proposition de loi visant à endiguer la prolifération du frelon asiatique' };
const am = (dossierRef: string | null, numero = '17'): MatchedAmendement => ({ uid: `AMANR5L17PO838901B${dossierRef ?? 'X'}N${numero}`, numero, dossierRef });

describe('the amendement a scrutin titre names', () => {
  it('is the first « n° » of an amendement or sous-amendement titre, and nothing for other scrutins', () => {
    expect(amendementNumberOf("l'amendement n° 65 (rect.) de M. Cazenave à l'article 2 de la proposition de loi …")).toBe('65');
    expect(amendementNumberOf('le sous-amendement n° 776 de Mme Mansouri à l’amendement n° 609 de Mme Firmin Le Bodo')).toBe('776');
    expect(amendementNumberOf("l'amendement de suppression n° 1 de M. Guiniot et les amendements identiques suivants")).toBe('1');
    expect(amendementNumberOf("l'amendement n° I-1176 de M. X à l'article 3 du projet de loi de finances pour 2026")).toBe('I-1176');
    expect(amendementNumberOf("l'ensemble du projet de loi de finances pour 2026 (première lecture).")).toBeNull();
    expect(amendementNumberOf("l'article 2 de la proposition de loi n° 123")).toBeNull();
  });
});

describe('linking with amendements', () => {
  const titre = "l'amendement n° 17 de M. Grelier à l'article 3 de la proposition de loi relative aux sapeurs-pompiers (première lecture).";

  it('links by the amendement when the titre alone does not decide between the sitting’s texts', () => {
    expect(guessWithAmendements(titre, [SDIS, FRELON], [am(FRELON.dossierRef)])).toMatchObject({
      dossierRef: FRELON.dossierRef, method: 'amendement', amendement: { numero: '17' },
    });
  });

  it('says so when the titre agrees, and keeps the titre when it clearly names another text (numbers collide)', () => {
    const named = "l'amendement n° 17 rectifié de M. Grelier à l'article 3 de la proposition de loi portant création du cadre d’emploi des personnels de santé des services d’incendie et de secours.";
    expect(guessWithAmendements(named, [SDIS, FRELON], [am(SDIS.dossierRef)])).toMatchObject({ dossierRef: SDIS.dossierRef, method: 'amendement+title' });
    expect(guessWithAmendements(named, [SDIS, FRELON], [am(FRELON.dossierRef)])).toMatchObject({ dossierRef: SDIS.dossierRef, method: 'title' });
  });

  it('wins over the single-text fallback, and never links when two texts share the number and the titre names neither', () => {
    expect(guessWithAmendements(titre, [SDIS], [am(FRELON.dossierRef)])).toMatchObject({ dossierRef: FRELON.dossierRef, method: 'amendement' });
    expect(guessWithAmendements(titre, [SDIS, FRELON], [am(SDIS.dossierRef), am(FRELON.dossierRef)])).toMatchObject({ dossierRef: null, method: 'ambiguous' });
    // an amendement whose dossier is unknown is no evidence
    expect(guessWithAmendements(titre, [SDIS, FRELON], [am(null)])).toMatchObject({ dossierRef: null, method: 'ambiguous' });
  });
});

describe('parseAmendement', () => {
  const doc = (extra: Record<string, unknown> = {}) => ({
    amendement: {
      uid: 'AMANR5L17PO838901BTC0995P0D1N000017', legislature: '17', identification: { numeroLong: '17' }, texteLegislatifRef: 'PIONANR5L17BTC0995',
      seanceDiscussionRef: 'RUANR5L17S2025IDS29103', cycleDeVie: { sort: 'Retiré' }, ...extra,
    },
  });

  it('reads the dossier from the export’s folders, or from the key a bundle kept', () => {
    expect(parseAmendement(doc(), 'Amendements.json.zip!json/DLR5L16N49472/PIONANR5L17BTC0995/AMANR5L17PO838901BTC0995P0D1N000017.json')).toEqual({
      uid: 'AMANR5L17PO838901BTC0995P0D1N000017', legislature: 17, numero: '17', texteRef: 'PIONANR5L17BTC0995',
      seanceRef: 'RUANR5L17S2025IDS29103', dossierRef: 'DLR5L16N49472', sort: 'Retiré',
    });
    expect(parseAmendement(doc({ dossierRef: 'DLR5L16N49472' }), 'bundle.ndjson.gz:3').dossierRef).toBe('DLR5L16N49472');
    expect(parseAmendement(doc(), 'bundle.ndjson.gz:3').dossierRef).toBeNull();
  });

  it('names the document and the path of a bad value, and takes a commission amendement’s nil séance as none', () => {
    expect(() => parseAmendement(doc({ dossierRef: '../x' }), 'a.json')).toThrow(/amendement\.dossierRef: expected a dossier uid/);
    expect(() => parseAmendement(doc({ uid: 'VTANR5L17V1' }), 'a.json')).toThrow(/amendement\.uid/);
    expect(() => parseAmendement(doc({ identification: {} }), 'a.json')).toThrow(/identification\.numeroLong: missing/);
    expect(parseAmendement(doc({ seanceDiscussionRef: { '@xsi:nil': 'true' } }), 'a.json').seanceRef).toBeNull();
  });
});
