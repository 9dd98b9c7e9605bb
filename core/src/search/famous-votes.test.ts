import { describe, expect, it } from 'vitest';
import { FAMOUS_VOTES, GOVERNMENTS, famousVote, governmentOn } from './famous-votes';

describe('the curated table of well-known votes', () => {
  it('has unique uids, sourced context in both languages, and a few featured votes', () => {
    expect(new Set(FAMOUS_VOTES.map((v) => v.uid)).size).toBe(FAMOUS_VOTES.length);
    expect(FAMOUS_VOTES.filter((v) => v.featured).length).toBeGreaterThanOrEqual(3);
    for (const v of FAMOUS_VOTES) expect(v.source).toMatch(/^https:\/\//);
    expect(famousVote('VTANR5L16V1240')?.keywords).toContain('LIOT');
  });

  it('knows the government in office on a date, with no gap or overlap between governments', () => {
    expect(governmentOn('2023-03-20')?.name).toBe('Borne');
    expect(governmentOn('2024-12-04')?.name).toBe('Barnier');
    expect(governmentOn('2024-12-13')?.name).toBe('Bayrou');
    expect(governmentOn('2022-01-01')).toBeUndefined();
    GOVERNMENTS.slice(1).forEach((g, i) => expect(GOVERNMENTS[i]!.until).toBe(g.from));
  });
});
