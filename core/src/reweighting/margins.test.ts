import { describe, expect, it } from 'vitest';
import { MarginsSchema } from './margins';

describe('MarginsSchema', () => {
  it('accepts shares summing to 1 within rounding', () => {
    expect(MarginsSchema.safeParse({ sex: { F: 0.5163, H: 0.4838 } }).success).toBe(true);
  });

  it('names the variable whose shares do not sum to 1', () => {
    const r = MarginsSchema.safeParse({ sex: { F: 0.5, H: 0.5 }, age: { a: 0.6, b: 0.6 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['age'], message: 'shares sum to 1.200000, not 1' });
  });

  it('refuses a zero share and a single category', () => {
    expect(MarginsSchema.safeParse({ sex: { F: 1, H: 0 } }).success).toBe(false);
    expect(MarginsSchema.safeParse({ sex: { F: 1 } }).success).toBe(false);
  });
});
