import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPercents, type PlatformTallyName } from '@parallele/core';
import { computeScenario } from './compute';
import { loadBundledData, uidChecker } from './data';
import { parseScenario } from './load';
import { SCENARIOS_DIR } from './run';

const bundled = loadBundledData();
const text = await readFile(join(SCENARIOS_DIR, 'plateforme-censures-l17.yaml'), 'utf8');
const V519 = 'VTANR5L17V519';

describe('split.source platform with tally: redresse (issue 16)', () => {
  it('reads the reweighted split of each scrutin and uses it as the bloc split', () => {
    const scenario = parseScenario(text.replace('tally: unflagged', 'tally: redresse'), 'redresse.yaml', { exists: uidChecker(bundled) });
    const asked: PlatformTallyName[] = [];
    const c = computeScenario(scenario, {
      ...bundled,
      // what the server supplies: the raked shares times the respondents raked, two decimals
      platformVotes: (uid, tally) => (asked.push(tally), uid === V519 ? { pour: 31.25, contre: 12.5, abstention: 6.25 } : null),
    });
    expect(new Set(asked)).toEqual(new Set(['redresse']));
    const row = c.rows.find((r) => r.row.uid === V519)!;
    expect(row.row.platform).toEqual({ votes: { pour: 31.25, contre: 12.5, abstention: 6.25 }, total: 50, used: 'platform' });
    expect(splitPercents(row.split)).toEqual([62.5, 25, 12.5]);
  });
});
