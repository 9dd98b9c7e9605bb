import { describe, expect, it } from 'vitest';
import { tableToCsv, toCsv } from './export';

describe('CSV export', () => {
  it('quotes what needs quoting and starts with a BOM for spreadsheets', () => {
    const csv = tableToCsv(['groupe', 'pour'], [['Libertés, Indépendants', 18], ['Dit "non"', 0], [null, undefined]]);
    expect(csv).toBe('\ufeffgroupe,pour\r\n"Libertés, Indépendants",18\r\n"Dit ""non""",0\r\n,\r\n');
  });

  it('quotes a semicolon, the separator of Excel in a French locale', () => {
    expect(toCsv([{ titre: 'loi; article 2' }], ['titre'], { bom: true })).toBe('\ufefftitre\r\n"loi; article 2"\r\n');
  });
});
