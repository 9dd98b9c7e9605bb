import { readFileSync } from 'node:fs';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouncilImportSummarySchema, councilProblems, ScrutinDetailSchema, simulate, toSimScrutin, type Tally } from '@parallele/core';
import { getScrutin } from '../../db/an-store';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';
import { BUNDLED_COUNCIL, importBundledAssembliesIfMissing } from '../assemblies';
import type { CouncilFileError} from './reader';
import { parseCouncil, readCouncilFiles } from './reader';

/** Issue 15 §4: the fictional example council, from its YAML and CSV files, voted on and simulated. */
let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 1 });
});
afterAll(async () => t?.close());

describe('a council defined from files', () => {
  it('reads the YAML and the CSV into five deliberations, labelled fictional', async () => {
    const f = await readCouncilFiles(BUNDLED_COUNCIL.file, BUNDLED_COUNCIL.deliberations);
    expect(f.council).toMatchObject({ id: 'bourg-fictif', fictional: true, seats: 29, rule: 'exprimes' });
    expect(f.deliberations.map((d) => d.id)).toEqual(['budget-2026', 'cantine-bio', 'parking-centre', 'pistes-cyclables', 'tarifs-piscine']);
    expect(f.deliberations[3]!.byGroup).toEqual({ avenir: { pour: 12, contre: 6, abstentions: 2 }, ensemble: { pour: 5, contre: 1, abstentions: 0 }, citoyens: { pour: 3, contre: 0, abstentions: 0 } });
    expect(f.deliberations[4]!.totals).toEqual({ pour: 11, contre: 14, abstentions: 3 });
  });

  it('names every bad field of a hostile file at once, and writes nothing', () => {
    const raw = parseYaml(readFileSync(BUNDLED_COUNCIL.file, 'utf8')) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    raw.council.seats = 'vingt-neuf';
    raw.council.groups[0].colour = 'green';
    raw.deliberations[0].byGroup.avenir.pour = -3;
    raw.deliberations[1].byGroup.inconnus = { pour: 1, contre: 0 };
    raw.deliberations[2].outcome = 'adopté';
    raw.deliberations[2].date = '16/04/2026';
    let problems: string[] = [];
    try {
      parseCouncil(raw, [], 'bad.yaml');
    } catch (e) {
      problems = (e as CouncilFileError).problems;
    }
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^bad\.yaml: council\.seats: /),
      expect.stringMatching(/^bad\.yaml: council\.groups\.0\.colour: expected a colour #RRGGBB/),
      expect.stringMatching(/^bad\.yaml: deliberations\.0\.byGroup\.avenir\.pour: expected a number ≥ 0/),
      expect.stringMatching(/^bad\.yaml: deliberations\.2\.date: expected a date YYYY-MM-DD/),
    ]));
    // the schema's cross-checks run on an otherwise valid file
    const raw2 = parseYaml(readFileSync(BUNDLED_COUNCIL.file, 'utf8')) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    raw2.deliberations[1].byGroup.inconnus = { pour: 1, contre: 0 };
    raw2.deliberations[2].outcome = 'adopté';
    expect(() => parseCouncil(raw2, [], 'bad.yaml')).toThrow(/deliberations\.1\.byGroup\.inconnus: unknown group "inconnus"[\s\S]*deliberations\.2\.outcome: "adopté" contradicts the counts \(pour 13, 14 required/);
  });

  it('is imported at start, reproduces each official outcome at K = 0 and simulates K MaVoix councillors', async () => {
    await importBundledAssembliesIfMissing(t.db);
    const budget = (await getScrutin(t.db, 'CM-bourg-fictif-budget-2026'))!;
    expect(budget.totals).toMatchObject({ pour: 19, contre: 7, abstentions: 2, requis: 14 });
    for (const id of ['budget-2026', 'cantine-bio', 'parking-centre', 'pistes-cyclables', 'tarifs-piscine']) {
      const s = (await getScrutin(t.db, `CM-bourg-fictif-${id}`))!;
      expect(simulate(toSimScrutin(s), { k: 0, split: [1, 0, 0] }).parallel.outcome).toBe(s.outcome);
    }
    // the tie-ish parking vote: 3 MaVoix councillors voting pour, replacing proportionally, tip it
    const parking = toSimScrutin((await getScrutin(t.db, 'CM-bourg-fictif-parking-centre'))!);
    expect(simulate(parking, { k: 3, split: [1, 0, 0] })).toMatchObject({ flipped: true, parallel: { outcome: 'adopté' } });
    const list = (await request(t.url).get('/api/assemblies/council/scrutins').expect(200)).body as { total: number };
    expect(list.total).toBe(5);
    const d = ScrutinDetailSchema.parse((await request(t.url).get('/api/scrutins/CM-bourg-fictif-cantine-bio').expect(200)).body);
    expect(d.groups.map((g) => g.name)).toEqual(['Bourg Avenir', 'Bourg Ensemble', 'Liste citoyenne']);
  });

  it('citizens vote on a deliberation before the council sits, as on a scrutin', async () => {
    const alice = await signUpOverHttp(t, 'alice.council@example.org');
    await alice.agent.put('/api/scrutins/CM-bourg-fictif-tarifs-piscine/my-vote').set('x-csrf-token', alice.csrf).send({ choice: 'pour' }).expect(200);
    const tally = (await request(t.url).get('/api/scrutins/CM-bourg-fictif-tarifs-piscine/tally').expect(200)).body as Tally;
    expect(tally).toMatchObject({ all: { pour: 1, total: 1 } });
  });

  it('lets only an administrator define a council over the API, with every bad field named', async () => {
    const citizen = await signUpOverHttp(t, 'bob.council@example.org');
    const body = { council: { id: 'atelier', name: 'Conseil de l’atelier', fictional: true, seats: 11, groups: [{ id: 'a', name: 'Liste A', seats: 6 }, { id: 'b', name: 'Liste B', seats: 5 }] }, deliberations: [] };
    await citizen.agent.post('/api/admin/councils').set('x-csrf-token', citizen.csrf).send(body).expect(403);
    await t.citizens.accounts.createAdmin('mayor.council@example.org', 'a long admin passphrase');
    const admin = request.agent(t.url);
    const csrf0 = (await admin.get('/api/auth/csrf').expect(200)).body.csrfToken as string;
    const login = await admin.post('/api/auth/login').set('x-csrf-token', csrf0).send({ email: 'mayor.council@example.org', password: 'a long admin passphrase' }).expect(200);
    const csrf = login.body.csrfToken as string;
    const bad = await admin.post('/api/admin/councils').set('x-csrf-token', csrf).send({ ...body, council: { ...body.council, seats: 0 }, deliberationsCsv: 'id,date,title,group,pour,contre,abstentions\nd1,2026-09-01,Vote,z,1,2,0\n' }).expect(400);
    expect(bad.body.problems).toEqual(expect.arrayContaining([expect.stringMatching(/body: council\.seats/)]));
    // the client's admin page reads the list through core's councilProblems
    expect(councilProblems(bad.body)).toEqual(bad.body.problems);
    const ok = await admin.post('/api/admin/councils').set('x-csrf-token', csrf).send({ ...body, deliberationsCsv: 'id,date,title,group,pour,contre,abstentions\nd1,2026-09-01,Vote du budget,,6,5,0\n' }).expect(200);
    expect(ok.body).toMatchObject({ council: 'atelier', fictional: true, deliberations: { imported: 1 }, uids: ['CM-atelier-d1'] });
    expect(CouncilImportSummarySchema.parse(ok.body)).toEqual(ok.body);
  });
});
