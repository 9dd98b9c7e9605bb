import { describe, expect, it } from 'vitest';
import { parseScrutin, type Scrutin } from '@parallele/core';
import { renderDynScrutinPage } from '../test-support/dyn-page-render';
import { knownDeputies, knownGroups, ndjsonLines } from '../test-support/real-data';
import { parseScrutinPage } from './scrutin-page';
import { cleanText } from './text';

/**
 * The /dyn parser against real votes: official L17 scrutins (parsed by core) rendered in the /dyn
 * markup, parsed back, compared field by field. A sample keeps it quick: every 25th scrutin, the
 * PO0 run (489–501), every motion de censure, and the first and last.
 */
const lines = ndjsonLines('scrutins/VTANR5L17V1-3876.ndjson.gz');
const names = new Map(knownDeputies().map((d) => [d.ref as string, `${d.firstName} ${d.lastName}`]));
const groupNames = new Map(knownGroups(17).map((g) => [g.ref as string, g.name]));
const render = (s: Scrutin) =>
  renderDynScrutinPage(s, {
    deputy: (ref) => names.get(ref) ?? `Député ${ref}`,
    group: (ref) => ({ name: groupNames.get(ref) ?? `Groupe ${ref}`, abbreviation: ref }),
  });

const sample = lines
  .map((line, i) => ({ numero: i + 1, line }))
  .filter(({ numero, line }) => numero % 25 === 0 || (numero >= 489 && numero <= 501) || numero === 1 || numero === lines.length || line.includes('"codeTypeVote": "MOC"'));

const key = (d: Scrutin['deputies'][number]) => `${d.acteurRef}|${d.mandatRef}|${d.organeRef}|${d.position}|${d.cause ?? ''}`;

describe('the /dyn parser on real L17 votes rendered as pages', () => {
  it(`gives back the official result of ${sample.length} scrutins, vote for vote`, () => {
    for (const { numero, line } of sample) {
      const official = parseScrutin(JSON.parse(line), `L17:${numero}`);
      const page = parseScrutinPage(render(official), { page: `generated-${numero}` }).scrutin;
      const where = `scrutin ${numero}`;
      // HTML collapses runs of spaces: the page's titre is the official one, whitespace normalised.
      expect({ uid: page.uid, date: page.date, sitting: page.sittingOfDay, outcome: page.outcome, titre: page.titre }, where).toEqual({
        uid: official.uid, date: official.date, sitting: official.sittingOfDay, outcome: official.outcome, titre: cleanText(official.titre),
      });
      // The page prints no national non-votant total: it is the groups' sum (VTANR5L17V1 says 10, its groups 21).
      expect(page.totals, where).toEqual({ ...official.totals, nonVotants: official.groups.reduce((n, g) => n + g.nonVotants, 0) });
      // Pages print no group position: it is derived from the counts (the export's own field is not
      // always the count majority), so it is left out of the comparison.
      expect(page.groups.map(({ majorityPosition: _m, ...g }) => g), where).toEqual(official.groups.map(({ majorityPosition: _m, ...g }) => g));
      expect(page.deputies.map(key).sort(), where).toEqual(official.deputies.map(key).sort());
      if (official.type === 'MOC') expect(page.type, where).toBe('MOC');
    }
  });
});
