import { describe, expect, it } from 'vitest';
import type { Scrutin } from '../an/model';
import { scenarioSchema, expandK } from './schema';
import { scrutinGap, scrutinSwing, selectScrutins } from './select';

const scrutin = (uid: string, over: Partial<Scrutin> & { pour: number; contre: number; requis: number }): Scrutin =>
  ({
    uid,
    legislature: 17,
    numero: Number(uid.split('V').at(-1)),
    date: '2025-01-15',
    type: 'SPO',
    outcome: over.pour >= over.requis ? 'adopté' : 'rejeté',
    titre: 'l’amendement n° 12 de Mme Dupont',
    objet: null,
    totals: { pour: over.pour, contre: over.contre, abstentions: 0, nonVotants: 0, votants: over.pour + over.contre, exprimes: over.pour + over.contre, requis: over.requis },
    groups: [],
    ...over,
  }) as unknown as Scrutin;

describe('scrutin selection', () => {
  // 187 pour, 183 contre: required floor(370/2)+1 = 186 → adopted by a gap of 4; two deputies
  // switching (185 vs 185) make it a tie, which is rejected: swing = 187 − 186 + 1 = 2
  const close = scrutin('VTANR5L17V3260', { pour: 187, contre: 183, requis: 186 });
  const moc = scrutin('VTANR5L16V1240', { legislature: 16, type: 'MOC', pour: 278, contre: 0, requis: 287, date: '2023-03-20', titre: 'la motion de censure déposée…' });
  const wide = scrutin('VTANR5L17V10', { pour: 300, contre: 100, requis: 201 });

  it('measures the gap (MOC: to the required count) and the swing of a scrutin', () => {
    expect([scrutinGap(close), scrutinSwing(close)]).toEqual([4, 2]);
    expect([scrutinGap(moc), scrutinSwing(moc)]).toEqual([9, 9]);
  });

  it('filters by legislature, type, text (accent-insensitive), dates and closeness', () => {
    const all = [wide, moc, close];
    const sel = (s: unknown) => selectScrutins(scenarioSchema.shape.scrutins.parse(s), all).map((x) => x.uid);
    expect(sel({ legislature: [16, 17] })).toEqual(['VTANR5L16V1240', 'VTANR5L17V10', 'VTANR5L17V3260']);
    expect(sel({ legislature: 16, type: ['MOC'] })).toEqual(['VTANR5L16V1240']);
    expect(sel({ legislature: 16, text: 'MOTION DE CENSURE DEPOSEE' })).toEqual(['VTANR5L16V1240']);
    expect(sel({ legislature: 17, closeness: { maxSwing: 2 } })).toEqual(['VTANR5L17V3260']);
    expect(sel({ legislature: [16, 17], closeness: { maxGap: 9 } })).toEqual(['VTANR5L16V1240', 'VTANR5L17V3260']);
    expect(sel({ legislature: 16, from: '2023-03-21' })).toEqual([]);
    expect(sel({ uids: ['VTANR5L17V3260', 'VTANR5L16V1240'] })).toEqual(['VTANR5L17V3260', 'VTANR5L16V1240']);
  });

  it('expands K specs into sorted distinct values', () => {
    expect(expandK(10)).toEqual([10]);
    expect(expandK([5, 1, 5])).toEqual([1, 5]);
    expect(expandK({ from: 0, to: 10, step: 5 })).toEqual([0, 5, 10]);
  });
});
