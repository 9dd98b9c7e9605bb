import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteChoice } from '@parallele/core';
import { buildAppDeps } from '../../boot';
import { testConfig } from '../../config';
import type { AppDeps } from '../../deps';
import { silentLogger } from '../../logger';
import { createApp } from '../../app';
import { openBundledStore, type BundledStore } from '../../test-support/bundled-store';
import { registerVerified, TEST_ENV, type Citizens } from '../../test-support/citizens';
import { createAgreementService } from './service';
import { findDeputies } from './seats';
import { deputyVotes, MIN_CONSTITUENCY_SPLIT, setMyConstituency } from './deputy-votes';
import { createShare, withdrawShares } from './shares';

/** Agreement scores on the real L17 votes (3,876 scrutins) of the bundled store. */
let store: BundledStore;
let citizens: Citizens;
let deps: AppDeps;
let citizenId: number;

// A real deputy and 60 of the scrutins they voted pour or contre on: the citizen copies them.
let copied: string;
let copiedVotes: { uid: string; position: 'pour' | 'contre' }[];

beforeAll(async () => {
  store = await openBundledStore();
  deps = buildAppDeps({ config: testConfig({ MAILBOX_DIR: `${store.dir}/mailbox`, ...TEST_ENV }), logger: silentLogger(), db: store.db });
  citizens = deps;
  const { citizen } = await registerVerified(citizens, `${store.dir}/mailbox`, 'moi@example.org', '192.0.2.1');
  citizenId = citizen.citizenId;
  copied = (await store.db.store.get<{ a: string }>("SELECT acteur_ref AS a FROM deputy_votes WHERE scrutin_uid LIKE 'VTANR5L17V%' GROUP BY acteur_ref ORDER BY count(*) DESC, acteur_ref LIMIT 1"))!.a;
  copiedVotes = await store.db.store.all<{ uid: string; position: 'pour' | 'contre' }>(
    "SELECT v.scrutin_uid AS uid, v.position FROM deputy_votes v JOIN scrutins s ON s.uid = v.scrutin_uid WHERE v.acteur_ref = ? AND s.legislature = 17 AND v.position IN ('pour', 'contre') ORDER BY s.numero LIMIT 60",
    [copied],
  );
  for (const v of copiedVotes) await citizens.votes.castVote(citizen, v.uid, v.position as VoteChoice, '192.0.2.1');
});
afterAll(async () => {
  await citizens.close();
  await store.cleanup();
});

describe('qui vote comme moi ?', () => {
  it('scores 100 % with the deputy whose votes the citizen copied, over the 60 scrutins compared', async () => {
    const r = await createAgreementService(store.db).forCitizen(citizenId, 17, 10);
    expect(r.myVotes).toBe(60);
    const me = r.deputies.find((d) => d.ref === copied)!;
    expect(me).toMatchObject({ compared: 60, score: 1, agreed: 60, opposed: 0 });
    expect(r.closest[0]).toBe(copied);
    // every deputy sat in at most 60 of them; the scores of the others are between 0 and 1
    expect(r.deputies.every((d) => d.compared <= 60 && (d.score === null || (d.score >= 0 && d.score <= 1)))).toBe(true);
    // and a group's score counts its majority position
    expect(r.closestGroups).toHaveLength(3);
    expect(r.groups.find((g) => g.ref === r.closestGroups[0])!.score).toBeGreaterThan(r.groups.find((g) => g.ref === r.farthestGroups[0])!.score!);
  });

  it('hides scores computed on too few scrutins', async () => {
    const r = await createAgreementService(store.db).forCitizen(citizenId, 17, 61);
    expect(r.deputies.every((d) => d.score === null)).toBe(true);
    expect(r.closest).toEqual([]);
  });

  it('lists the scrutins where the farthest deputy voted otherwise, with their titles', async () => {
    const service = createAgreementService(store.db);
    const far = (await service.forCitizen(citizenId, 17, 10)).farthest[0]!;
    const d = await service.differences(citizenId, 17, far);
    expect(d.differences.length).toBeGreaterThan(0);
    expect(d.differences[0]).toMatchObject({ scrutinUid: expect.stringMatching(/^VTANR5L17V/), titre: expect.any(String) });
    expect((await service.differences(citizenId, 17, copied)).differences).toEqual([]);
  });

  it('is private: the API answers only the signed-in citizen', async () => {
    await request(createApp(deps)).get('/api/me/agreement').expect(401);
  });

  it('finds "mon député·e" by département and circonscription, from the acteurs\' mandates, or by name', async () => {
    const paris2 = await findDeputies(store.db, { legislature: 17, departement: '75', circo: 2 });
    // Paris 2nd: a by-election on 28 Sep 2025 (the mandate PM873126 of the bundled acteur files)
    expect(paris2.deputies[0]).toMatchObject({ departement: 'Paris', numDepartement: '75', numCirco: 2, startDate: '2025-09-28', endDate: null });
    const byName = await findDeputies(store.db, { legislature: 17, name: paris2.deputies[0]!.name.split(' ').at(-1)! });
    expect(byName.deputies.map((d) => d.ref)).toContain(paris2.deputies[0]!.ref);
    // 575 of the 577 seats have a deputy in the bundled acteur files (snapshots of the deputies in
    // office at various dates, not a full history: two seats' holders have no file there)
    const seats = (await store.db.store.get('SELECT count(*) AS n FROM (SELECT DISTINCT num_departement, num_circo FROM deputy_constituencies WHERE legislature = 17) AS seats')) as { n: number };
    expect(seats.n).toBe(575);
    const app = createApp(deps);
    const bad = await request(app).get('/api/my-deputy?departement=Paris').expect(400);
    expect(bad.body.param).toBe('departement');
    const ok = await request(app).get('/api/my-deputy?departement=75&circo=2').expect(200);
    expect(ok.body.deputies[0].ref).toBe(paris2.deputies[0]!.ref);
  });

  it("shows the deputy's votes beside mine, and the split of the constituency's citizens only from 5 votes", async () => {
    const barnier = (await findDeputies(store.db, { legislature: 17, departement: '75', circo: 2 })).deputies[0]!.ref;
    const latest = (await deputyVotes(store.db, barnier, 17, 5, citizenId)).votes[0]!;
    expect(latest).toMatchObject({ scrutinUid: expect.stringMatching(/^VTANR5L17V/), mine: null, constituency: null });
    const neighbours = [];
    for (let i = 0; i < MIN_CONSTITUENCY_SPLIT; i++) {
      const { citizen } = await registerVerified(citizens, `${store.dir}/mailbox`, `paris2-${i}@example.org`, `198.51.100.${i + 1}`);
      await setMyConstituency(store.db, citizen.citizenId, { numDepartement: '75', numCirco: 2 }, Date.now());
      neighbours.push(citizen);
    }
    for (const [i, c] of neighbours.slice(0, -1).entries()) await citizens.votes.castVote(c, latest.scrutinUid, i % 2 ? 'contre' : 'pour', null);
    // four votes: hidden (a small count could reveal a neighbour's vote)
    expect((await deputyVotes(store.db, barnier, 17, 5, neighbours[0]!.citizenId)).votes[0]).toMatchObject({ mine: 'pour', constituency: null });
    await citizens.votes.castVote(neighbours.at(-1)!, latest.scrutinUid, 'abstention', null);
    expect((await deputyVotes(store.db, barnier, 17, 5, null)).votes[0]!.constituency).toEqual({ pour: 2, contre: 2, abstention: 1, total: 5 });
  });

  it('is public only through a share link its author created, and no longer once withdrawn', async () => {
    const app = createApp(deps);
    await request(app).post('/api/me/agreement/share').expect(401);
    const share = await createShare(store.db, citizenId, 17, Date.now());
    expect(share.path).toBe(`/partage/${share.token}`);
    const shared = await request(app).get(`/api/agreement/shared/${share.token}`).expect(200);
    expect(shared.body.myVotes).toBe(60);
    expect(JSON.stringify(shared.body)).not.toContain('moi@example.org');
    const forged = share.token.slice(0, -1) + (share.token.endsWith('A') ? 'B' : 'A');
    expect((await request(app).get(`/api/agreement/shared/${forged}`).expect(404)).body.code).toBe('share_not_found');
    await withdrawShares(store.db, citizenId);
    await request(app).get(`/api/agreement/shared/${share.token}`).expect(404);
  });
});
