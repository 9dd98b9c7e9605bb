import { describe, expect, it } from 'vitest';
import { assemblyOfUid, AssemblyParamsSchema } from './contracts';
import { epUid, epVoteId, isEuropeanParliament } from './european-parliament';
import { councilOrganeRef, isCouncil } from './council';

describe('telling the assemblies apart', () => {
  it('by uid and organe: AN scrutins, European Parliament votes, councils’ deliberations', () => {
    expect(assemblyOfUid('VTANR5L17V519')).toBe('an');
    expect(assemblyOfUid('VTCGR5L16V1')).toBe('an');
    expect(assemblyOfUid(epUid(10, '169362'))).toBe('ep');
    expect(epVoteId('PEL10V169362')).toBe('169362');
    expect(epVoteId('VTANR5L17V519')).toBeNull();
    expect(assemblyOfUid('CM-bourg-fictif-budget-2026')).toBe('council');
    expect(isEuropeanParliament({ organeRef: 'PE10' })).toBe(true);
    expect(isEuropeanParliament({ organeRef: 'PO838901' })).toBe(false);
    expect(isCouncil({ organeRef: councilOrganeRef('bourg-fictif') })).toBe(true);
  });

  it('names a bad assembly in the list route', () => {
    const bad = AssemblyParamsSchema.safeParse({ assembly: 'senat' });
    expect(bad.error?.issues[0]?.message).toBe('assembly: expected an or ep or council');
  });
});
