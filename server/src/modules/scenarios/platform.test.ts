import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScrutin, ScenarioDetailResponseSchema, splitPercents, tippingPoint, toSimScrutin } from '@parallele/core';
import type { ScenarioDetailResponse, Scrutin, VoteChoice } from '@parallele/core';
import { SCENARIOS_DIR } from '@parallele/scenarios';
import { REPO_ROOT, testConfig } from '../../config';
import { upsertScrutins } from '../../db/an-store';
import type { Db } from '../../db/client';
import { openTestStore, type TestStore } from '../../test-support/store';
import type { AppDeps } from '../../deps';
import { errorHandler } from '../../errors';
import { silentLogger } from '../../logger';
import { buildAppDeps, liveScenariosService } from '../../boot';
import { registerVerified, TEST_ENV, type Citizens } from '../../test-support/citizens';
import { scenariosRoutes } from './routes';

/*
 * A `split.source: platform` scenario in the API, on a real store in a temp dir holding the twelve
 * real censure motions of the 17th legislature: citizens register, verify and vote through the
 * votes service, and the scenario's figures follow the live tally.
 */
const NAME = 'plateforme-censures-l17';
const V519 = 'VTANR5L17V519';

/** The L17 censure motions, parsed here from the bundled official file (not through the scenarios runner). */
function censureMotions(): Scrutin[] {
  const text = gunzipSync(readFileSync(join(REPO_ROOT, 'data/opendata/scrutins/VTANR5L17V1-3876.ndjson.gz'))).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l.includes('"MOC"'))
    .map((l, i) => parseScrutin(JSON.parse(l), `VTANR5L17V1-3876.ndjson.gz (MOC ${i + 1})`))
    .filter((s) => s.type === 'MOC');
}

let dir: string;
let db: Db;
let store: TestStore;
let deps: AppDeps;
let citizens: Citizens;
let app: express.Express;
let motions: Scrutin[];
let voters = 0;

async function vote(choice: VoteChoice, ip: string) {
  const email = `citoyen${voters++}@example.org`;
  const { citizen } = await registerVerified(citizens, join(dir, 'mailbox'), email, ip);
  await citizens.votes.castVote(citizen, V519, choice, ip);
}

async function detail(): Promise<ScenarioDetailResponse> {
  const res = await request(app).get(`/api/scenarios/${NAME}`);
  expect(res.status, res.text).toBe(200);
  return ScenarioDetailResponseSchema.parse(res.body);
}
const rowOf = (d: ScenarioDetailResponse) => d.rows.find((r) => r.uid === V519)!;

beforeAll(async () => {
  motions = censureMotions();
  dir = await mkdtemp(join(tmpdir(), 'scenarios-platform-'));
  store = await openTestStore(join(dir, 'store.db'));
  db = store.db;
  await upsertScrutins(db, motions);
  const scenariosDir = join(dir, 'scenarios');
  await mkdir(scenariosDir);
  await copyFile(join(SCENARIOS_DIR, `${NAME}.yaml`), join(scenariosDir, `${NAME}.yaml`));
  deps = buildAppDeps(
    { config: testConfig({ MAILBOX_DIR: join(dir, 'mailbox'), ...TEST_ENV }), logger: silentLogger(), db },
    { scenarios: { scenariosDir, outDir: join(dir, 'out'), platformRefreshMs: 0 } },
  );
  citizens = deps;
  app = express();
  app.use('/api', scenariosRoutes(deps));
  app.use(errorHandler(silentLogger()));
});

afterAll(async () => {
  await citizens.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a platform scenario served by the API', () => {
  it('with no citizen vote yet, every motion takes the declared 50/50 fallback', async () => {
    expect(motions).toHaveLength(12);
    const d = await detail();
    expect(d.scrutinCount).toBe(12);
    expect(d.split.platform).toMatchObject({ tally: 'unflagged', scrutinsWithVotes: 0, scrutinsWithoutVotes: 12, votes: 0 });
    expect(rowOf(d).platform).toEqual({ votes: { pour: 0, contre: 0, abstention: 0 }, total: 0, used: 'fallback' });
    expect(rowOf(d).modes.proportional!.split).toEqual([50, 50, 0]);
    const list = await request(app).get('/api/scenarios');
    expect(list.status, list.text).toBe(200);
    const summary = (list.body as { scenarios: { name: string; keyFigures: { id: string; value: number | null }[] }[] }).scenarios[0]!;
    expect(summary.name).toBe(NAME);
    expect(summary.keyFigures.find((f) => f.id === 'platform:fallback')?.value).toBe(12);
    const png = await request(app).get(`/api/scenarios/${NAME}/charts/leverage-censures.png`).buffer(true);
    expect(png.headers['content-type']).toBe('image/png');
    expect([...(png.body as Buffer).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('3 pour / 1 contre cast through the votes service make the split 75/25/0, with core’s tipping point for it', async () => {
    for (const [i, choice] of (['pour', 'pour', 'pour', 'contre'] as const).entries()) await vote(choice, `192.0.${i + 1}.10`);
    const d = await detail();
    const row = rowOf(d);
    expect(row.platform).toEqual({ votes: { pour: 3, contre: 1, abstention: 0 }, total: 4, used: 'platform' });
    expect(splitPercents(row.modes.proportional!.split as [number, number, number])).toEqual([75, 25, 0]);
    const v519 = motions.find((s) => s.uid === V519)!;
    const expected = tippingPoint(toSimScrutin(v519), { split: [75, 25, 0], mode: 'proportional', method: 'largest-remainder' });
    expect(row.modes.proportional!.tippingPoint).toBe(expected);
    expect(d.split.platform).toMatchObject({ scrutinsWithVotes: 1, scrutinsWithoutVotes: 11, votes: 4 });
    // the k-curve chart is served from the live computation, with the citizens' split in its link
    const csv = await request(app).get(`/api/scenarios/${NAME}/charts/k-curve-barnier.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('k,pour,contre,abstentions,required,margin,outcome');
    expect(d.charts.find((c) => c.name === 'k-curve-barnier')?.interactiveUrl).toMatch(/split=3%2C1%2C0/);
  });

  it('a brigade of new accounts from one network moves the tally, then the burst detector’s flags take it out again', async () => {
    // eight new accounts from 203.0.113.0/24 all voting contre within minutes
    for (let i = 0; i < 8; i++) await vote('contre', `203.0.113.${i + 20}`);
    const during = rowOf(await detail());
    expect(during.platform?.votes).toEqual({ pour: 3, contre: 9, abstention: 0 });
    const { flagged } = await citizens.moderation.runDetector();
    expect(flagged).toBe(8);
    // the flags emit tallies:changed: the unflagged tally the scenario reads is back to 3 / 1
    const after = rowOf(await detail());
    expect(after.platform?.votes).toEqual({ pour: 3, contre: 1, abstention: 0 });
    const v519 = motions.find((s) => s.uid === V519)!;
    expect(during.modes.proportional!.tippingPoint).toBe(tippingPoint(toSimScrutin(v519), { split: [3, 9, 0], mode: 'proportional', method: 'largest-remainder' }));
    expect(after.modes.proportional!.tippingPoint).toBe(tippingPoint(toSimScrutin(v519), { split: [3, 1, 0], mode: 'proportional', method: 'largest-remainder' }));
  });

  it('recomputes a changed scenario at most once per platformRefreshMs', async () => {
    const throttled = express();
    throttled.use('/api', scenariosRoutes({ scenarios: liveScenariosService(deps, { scenariosDir: join(dir, 'scenarios'), outDir: join(dir, 'out'), platformRefreshMs: 3_600_000 }) }));
    const votesOf = async (a: express.Express) => rowOf(ScenarioDetailResponseSchema.parse((await request(a).get(`/api/scenarios/${NAME}`)).body)).platform?.votes;
    expect(await votesOf(throttled)).toEqual({ pour: 3, contre: 1, abstention: 0 });
    await vote('abstention', '192.0.50.10');
    expect(await votesOf(throttled)).toEqual({ pour: 3, contre: 1, abstention: 0 });
    expect(await votesOf(app)).toEqual({ pour: 3, contre: 1, abstention: 1 });
  });
});
