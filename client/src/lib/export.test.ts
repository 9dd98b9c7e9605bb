import { describe, expect, it } from 'vitest';
import { toCsv } from './export';

describe('CSV export', () => {
  it('quotes what needs quoting and starts with a BOM for spreadsheets', () => {
    const csv = toCsv(['groupe', 'pour'], [['Libertés, Indépendants', 18], ['Dit "non"', 0], [null, undefined]]);
    expect(csv).toBe('\ufeffgroupe,pour\r\n"Libertés, Indépendants",18\r\n"Dit ""non""",0\r\n,\r\n');
  });
});
