import { describe, expect, it } from 'vitest';
import { resolvePlatformSplit, splitPercents } from './platform';
import { platformSplitSchema } from './schema';

const spec = (over: Record<string, unknown> = {}) => platformSplitSchema.parse({ source: 'platform', ...over });

describe('resolvePlatformSplit', () => {
  it('passes the citizens’ counts on as the split: 3 pour / 1 contre is 75 / 25 / 0 %', () => {
    const r = resolvePlatformSplit(spec(), { pour: 3, contre: 1, abstention: 0 });
    expect(r).toEqual({ use: 'platform', split: [3, 1, 0], votes: { pour: 3, contre: 1, abstention: 0 }, total: 4 });
    expect(splitPercents([3, 1, 0])).toEqual([75, 25, 0]);
  });

  it('excludes a scrutin without votes by default, and one below minVotes, saying why', () => {
    expect(resolvePlatformSplit(spec(), null)).toMatchObject({ use: 'exclude', total: 0, reason: 'no citizen vote in the unflagged tally' });
    expect(resolvePlatformSplit(spec({ minVotes: 10, tally: 'verified' }), { pour: 1, contre: 0, abstention: 0 })).toMatchObject({
      use: 'exclude',
      reason: '1 citizen vote in the verified tally, fewer than minVotes 10',
    });
  });

  it('uses the declared fallback split when told to', () => {
    const s = spec({ whenNoVotes: 'fallback', fallback: { pour: 50, contre: 50, rationale: 'neutre' } });
    expect(resolvePlatformSplit(s, { pour: 0, contre: 0, abstention: 0 })).toMatchObject({ use: 'fallback', split: [50, 50, 0], total: 0 });
  });
});
