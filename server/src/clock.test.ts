import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { createClock } from './clock';
import { loadConfig } from './config';

describe('the server clock', () => {
  it('is the real clock without AS_OF', () => {
    let real = 1_000;
    const now = createClock(undefined, () => real);
    expect(now().getTime()).toBe(1_000);
    real = 5_000;
    expect(now().getTime()).toBe(5_000);
  });

  it('starts at AS_OF and runs on at the real pace', () => {
    let real = Date.parse('2026-11-30T12:00:00Z');
    const now = createClock('2025-11-18T12:00:00+01:00', () => real);
    expect(now().toISOString()).toBe('2025-11-18T11:00:00.000Z');
    real += 90_000;
    expect(now().toISOString()).toBe('2025-11-18T11:01:30.000Z');
  });

  it('AS_OF is checked at start with the other variables', () => {
    expect(loadConfig({ AS_OF: '2025-11-18T12:00:00+01:00' }).AS_OF).toBe('2025-11-18T12:00:00+01:00');
    let error: unknown;
    try {
      loadConfig({ AS_OF: '18/11/2025', PORT: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).detail).toMatch(/AS_OF: expected an ISO 8601 time with its offset.*\(got "18\/11\/2025"\)/);
    expect((error as AppError).detail).toContain('PORT:');
    // a time without its offset is ambiguous (whose noon?): refused
    expect(() => loadConfig({ AS_OF: '2025-11-18T12:00:00' })).toThrow(/AS_OF/);
  });
});
