import { describe, expect, it } from 'vitest';
import type { Position, Scrutin } from '@parallele/core';
import { fixture, knownDeputies, knownGroups } from '../test-support/real-data';
import { PageParseError } from './errors';
import { parseScrutinPage } from './scrutin-page';

const deputies = knownDeputies();
const groups = [...knownGroups(16), ...knownGroups(17)];

const countBy = (s: Scrutin, position: Position) => s.deputies.filter((d) => d.position === position).length;

describe('the /dyn page of scrutin 8433', () => {
  const result = parseScrutinPage(fixture('dyn-17-scrutins-8433.html'), { page: 'dyn-17-scrutins-8433.html', deputies });
  const s = result.scrutin;

  it('reads the header: uid, date, sitting, subject and outcome', () => {
    expect(result.layout).toBe('dyn');
    expect(s.uid).toBe('VTANR5L17V8433');
    expect(s.legislature).toBe(17);
    expect(s.numero).toBe(8433);
    expect(s.organeRef).toBe('PO838901');
    expect(s.date).toBe('2026-07-21');
    expect(s.sittingOfDay).toBe(2);
    expect(s.type).toBe('SPO');
    expect(s.titre.startsWith("l'ensemble du projet de loi visant à offrir des réponses immédiates")).toBe(true);
    expect(s.outcome).toBe('adopté');
    expect(s.announcement).toBe("L'Assemblée nationale a adopté");
  });

  it('gives the totals the header announces: 351 pour, 179 contre, 7 abstentions, 2 non-votants', () => {
    expect(s.totals).toEqual({ pour: 351, contre: 179, abstentions: 7, nonVotants: 2, votants: 537, exprimes: 530, requis: 266 });
  });

  it('lists one deputy vote per announced vote, each with its PA and PM ids', () => {
    expect(countBy(s, 'pour')).toBe(351);
    expect(countBy(s, 'contre')).toBe(179);
    expect(countBy(s, 'abstention')).toBe(7);
    expect(countBy(s, 'nonVotant')).toBe(2);
    expect(new Set(s.deputies.map((d) => d.acteurRef)).size).toBe(539);
    expect(s.deputies.every((d) => /^PA\d+$/.test(d.acteurRef) && /^PM\d+$/.test(d.mandatRef ?? ''))).toBe(true);
    expect(s.deputies.find((d) => d.acteurRef === 'PA793432')).toMatchObject({ mandatRef: 'PM840276', organeRef: 'PO845401', position: 'pour' });
  });

  it('reads each group block and its members, the non-inscrits included', () => {
    expect(s.groups).toHaveLength(12);
    expect(s.groups.find((g) => g.organeRef === 'PO845401')).toEqual({
      organeRef: 'PO845401', members: 122, pour: 114, contre: 0, abstentions: 0, nonVotants: 0, majorityPosition: 'pour',
    });
    expect(s.groups.find((g) => g.organeRef === 'PO845413')).toMatchObject({ members: 71, contre: 71, majorityPosition: 'contre' });
    expect(s.groups.find((g) => g.organeRef === 'PO840056')).toMatchObject({ members: 10, pour: 7, abstentions: 1 });
    for (const g of s.groups) {
      for (const [k, p] of [['pour', 'pour'], ['contre', 'contre'], ['abstentions', 'abstention'], ['nonVotants', 'nonVotant']] as const) {
        expect(s.deputies.filter((d) => d.organeRef === g.organeRef && d.position === p).length).toBe(g[k]);
      }
    }
  });

  it('tells the Présidente of the Assemblée (PAN) from the président de séance (PSE)', () => {
    const nonVotants = s.deputies.filter((d) => d.position === 'nonVotant');
    expect(nonVotants.map((d) => [d.acteurRef, d.cause]).sort()).toEqual([['PA721908', 'PAN'], ['PA795270', 'PSE']]);
  });

  it("keeps the mise au point of a deputy who did not take part, under his recorded position", () => {
    expect(s.misesAuPoint).toEqual([{ acteurRef: 'PA720362', mandatRef: 'PM843011', position: 'nonVotantVolontaire', malfunction: false }]);
    expect(s.deputies.find((d) => d.acteurRef === 'PA720362')?.position).toBe('contre');
  });

  it('reports, without dropping them, the deputies whose id is not in the bundled acteurs', () => {
    const unknown = result.unmatched;
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((u) => u.reason === 'unknown-acteur' && s.deputies.some((d) => d.acteurRef === u.acteurRef))).toBe(true);
    const known = new Set<string>(deputies.map((d) => d.ref));
    expect(unknown.length).toBe(s.deputies.filter((d) => !known.has(d.acteurRef)).length);
  });
});

describe('the /dyn page of scrutin 8430', () => {
  const s = parseScrutinPage(fixture('dyn-17-scrutins-8430.html'), { page: 'dyn-17-scrutins-8430.html' }).scrutin;

  it('gives 378 pour, 7 contre, 173 abstentions and 1 non-votant, vote for vote', () => {
    expect(s.totals).toMatchObject({ pour: 378, contre: 7, abstentions: 173, nonVotants: 1, votants: 558, exprimes: 385 });
    expect([countBy(s, 'pour'), countBy(s, 'contre'), countBy(s, 'abstention'), countBy(s, 'nonVotant')]).toEqual([378, 7, 173, 1]);
    expect(s.date).toBe('2026-07-21');
    expect(s.sittingOfDay).toBe(1);
    expect(s.misesAuPoint).toEqual([]);
  });
});

describe('the old www2 page of scrutin 1212 (L14)', () => {
  const result = parseScrutinPage(fixture('www2-scrutins-detail-legislature-14-num-1212.html'), {
    page: 'www2-1212.html', deputies, groups,
  });
  const s = result.scrutin;

  it('reads the totals it announces (abstentions = votants − exprimés)', () => {
    expect(result.layout).toBe('www2');
    expect(s.uid).toBe('VTANR5L14V1212');
    expect(s.date).toBe('2016-01-26');
    expect(s.sittingOfDay).toBe(1);
    expect(s.outcome).toBe('adopté');
    expect(s.titre).toBe("l'ensemble du projet de loi pour une République numérique (première lecture).");
    expect(s.totals).toEqual({ pour: 356, contre: 1, abstentions: 187, nonVotants: 2, votants: 544, exprimes: 357, requis: 179 });
  });

  it('reads the seven groups it announces with their members and counts', () => {
    expect(result.groups.map((g) => g.name)).toEqual([
      'Groupe socialiste, républicain et citoyen', 'Groupe Les Républicains', "Groupe de l'union des démocrates et indépendants",
      'Groupe écologiste', 'Groupe radical, républicain, démocrate et progressiste', 'Groupe de la gauche démocrate et républicaine', 'Non inscrits',
    ]);
    expect(s.groups.map((g) => [g.members, g.pour, g.contre, g.abstentions, g.nonVotants, g.majorityPosition])).toEqual([
      [287, 272, 0, 0, 2, 'pour'], [197, 4, 1, 184, 0, 'abstention'], [29, 28, 0, 0, 0, 'pour'], [18, 16, 0, 0, 0, 'pour'],
      [18, 18, 0, 0, 0, 'pour'], [15, 15, 0, 0, 0, 'pour'], [11, 3, 0, 3, 0, 'pour'],
    ]);
    // L14 groups are not in the bundled L16/L17 organes: they stay unresolved (PO0), and say so.
    expect(result.groups.every((g) => !g.resolved && g.organeRef === 'PO0')).toBe(true);
  });

  it('matches every listed name to an acteur or reports it: none is dropped', () => {
    const listed = s.deputies.length + result.unmatched.length;
    expect(listed).toBe(272 + 2 + 4 + 1 + 184 + 28 + 16 + 18 + 15 + 3 + 3);
    expect(result.notes).toEqual([]);
    // Deputies still sitting in L16/L17 are matched despite accents (Véronique Besse, André Chassaigne…).
    const besse = deputies.find((d) => d.lastName === 'Besse' && d.firstName === 'Véronique');
    expect(s.deputies.find((d) => d.acteurRef === besse?.ref)?.position).toBe('abstention');
    expect(result.unmatched.find((u) => u.name === 'Claude Bartolone')).toEqual({
      name: 'Claude Bartolone', group: 'Groupe socialiste, républicain et citoyen', position: 'nonVotant', reason: 'no-match',
    });
  });

  it('reads the free-text non-votants with their roles', () => {
    const habib = deputies.filter((d) => d.lastName === 'Habib');
    const matched = s.deputies.filter((d) => d.position === 'nonVotant');
    const reported = result.unmatched.filter((u) => u.position === 'nonVotant').map((u) => u.name);
    expect(matched.length + reported.length).toBe(2);
    expect([...reported, ...matched.map((d) => habib.find((h) => h.ref === d.acteurRef)?.firstName)]).toContain('Claude Bartolone');
  });
});

describe('a page whose layout changed', () => {
  const html = fixture('dyn-17-scrutins-8433.html');

  it('fails with a PageParseError naming the page and the missing selector', () => {
    const changed = html.replaceAll('votes-list', 'vote-summary');
    expect(() => parseScrutinPage(changed, { page: 'https://example.test/dyn/17/scrutins/8433' })).toThrow(PageParseError);
    expect(() => parseScrutinPage(changed, { page: 'https://example.test/dyn/17/scrutins/8433' })).toThrow(
      /^https:\/\/example\.test\/dyn\/17\/scrutins\/8433: missing count "\^Pour" \(selector: ul\.votes-list span/,
    );
  });

  it('refuses a page whose group blocks no longer add up to the header', () => {
    const oneGroupGone = html.replace('id="groupeRN" class="simple-tree-list', 'id="groupeRN" class="tree-list');
    expect(() => parseScrutinPage(oneGroupGone, { page: '8433' })).toThrow('the groups add up to 237 pour but the header announces 351');
  });

  it('refuses a page of neither layout', () => {
    expect(() => parseScrutinPage('<html><body>Maintenance</body></html>', { page: 'p' })).toThrow(/neither the \/dyn nor the www2/);
  });
});
