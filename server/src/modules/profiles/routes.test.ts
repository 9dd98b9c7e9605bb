import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

const logLines: string[] = [];
const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) }));

let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ logger, scrutins: 1 });
});
afterAll(async () => t.close());

const rowsOf = (table: string, citizenId: number) => t.db.store.all(`SELECT * FROM ${table} WHERE citizen_id = ?`, [citizenId]);
const idOf = async (email: string) => (await t.db.store.get<{ id: number }>('SELECT id FROM citizens WHERE email = ?', [email]))!.id;

describe('the optional profile', () => {
  it('is saved, read back, partly skipped and deleted by its owner', async () => {
    const ann = await signUpOverHttp(t, 'ann.profile@example.org');
    expect((await ann.agent.get('/api/me/profile').expect(200)).body).toEqual({ profile: null, pastVote: null });
    const saved = await ann.agent.put('/api/me/profile').set('x-csrf-token', ann.csrf).send({ sex: 'F', age: '25-34', region: '11', departement: '75', circonscription: 12 }).expect(200);
    expect(saved.body).toMatchObject({ sex: 'F', age: '25-34', region: '11', departement: '75', circonscription: 12 });
    // skipping fields: what is left out is "not given"
    const skipped = await ann.agent.put('/api/me/profile').set('x-csrf-token', ann.csrf).send({ age: '25-34' }).expect(200);
    expect(skipped.body).toMatchObject({ sex: null, age: '25-34', region: null, departement: null, circonscription: null });
    await ann.agent.delete('/api/me/profile').set('x-csrf-token', ann.csrf).expect(204);
    expect((await ann.agent.get('/api/me/profile').expect(200)).body.profile).toBeNull();
  });

  it('refuses bad values naming the field, anonymous reads and writes without the CSRF token', async () => {
    const ben = await signUpOverHttp(t, 'ben.profile@example.org');
    const bad = await ben.agent.put('/api/me/profile').set('x-csrf-token', ben.csrf).send({ age: '17-20' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ param: 'age', in: 'body' });
    const extra = await ben.agent.put('/api/me/profile').set('x-csrf-token', ben.csrf).send({ pres2022: 'macron' }).expect(400);
    expect(JSON.stringify(extra.body)).toContain('pres2022');
    await ben.agent.put('/api/me/profile').set('x-csrf-token', ben.csrf).send({ circonscription: 3 }).expect(400);
    await ben.agent.put('/api/me/profile').set('x-csrf-token', ben.csrf).send({ departement: '20' }).expect(400);
    await request(t.url).get('/api/me/profile').expect(401);
    await ben.agent.put('/api/me/profile').send({ sex: 'H' }).expect(403);
  });
});

describe('the 2022 vote', () => {
  it('is stored only with explicit consent, apart from the profile, and deleted on its own', async () => {
    const cat = await signUpOverHttp(t, 'cat.profile@example.org');
    const id = await idOf('cat.profile@example.org');
    await cat.agent.put('/api/me/profile').set('x-csrf-token', cat.csrf).send({ sex: 'F' }).expect(200);
    const refused = await cat.agent.put('/api/me/profile/past-vote').set('x-csrf-token', cat.csrf).send({ pres2022: 'jadot' }).expect(400);
    expect(refused.body.errors[0]).toMatchObject({ param: 'consent' });
    await cat.agent.put('/api/me/profile/past-vote').set('x-csrf-token', cat.csrf).send({ pres2022: 'jadot', consent: false }).expect(400);
    expect(await rowsOf('citizen_past_votes', id)).toEqual([]);
    const saved = await cat.agent.put('/api/me/profile/past-vote').set('x-csrf-token', cat.csrf).send({ pres2022: 'jadot', consent: true }).expect(200);
    expect(saved.body.pres2022).toBe('jadot');
    expect(await rowsOf('citizen_profiles', id)).toHaveLength(1);
    expect(await rowsOf('citizen_past_votes', id)).toEqual([{ citizen_id: id, pres2022: 'jadot', consented_at: expect.any(Number) }]);
    await cat.agent.delete('/api/me/profile/past-vote').set('x-csrf-token', cat.csrf).expect(204);
    expect(await rowsOf('citizen_past_votes', id)).toEqual([]);
    expect((await cat.agent.get('/api/me/profile').expect(200)).body).toMatchObject({ profile: { sex: 'F' }, pastVote: null });
  });

  it('goes with the account, and never reaches the logs, the public vote log or my votes export', async () => {
    const dee = await signUpOverHttp(t, 'dee.profile@example.org');
    const id = await idOf('dee.profile@example.org');
    const uid = t.scrutinUids[0]!;
    await dee.agent.put('/api/me/profile').set('x-csrf-token', dee.csrf).send({ sex: 'H', age: '65+', region: '94', departement: '2A' }).expect(200);
    await dee.agent.put('/api/me/profile/past-vote').set('x-csrf-token', dee.csrf).send({ pres2022: 'dupont-aignan', consent: true }).expect(200);
    await dee.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', dee.csrf).send({ choice: 'pour' }).expect(200);

    const exports = [
      JSON.stringify((await dee.agent.get('/api/me/votes').expect(200)).body),
      JSON.stringify((await request(t.url).get(`/api/scrutins/${uid}/log`).expect(200)).body),
      JSON.stringify((await dee.agent.get('/api/auth/me').expect(200)).body),
    ];
    for (const text of [...exports, logLines.join('')]) {
      expect(text).not.toContain('dupont-aignan');
      expect(text).not.toContain('2A');
      expect(text).not.toContain('65+');
    }

    await dee.agent.delete('/api/me').set('x-csrf-token', dee.csrf).send({ password: 'correct horse battery staple' }).expect(204);
    expect(await rowsOf('citizen_profiles', id)).toEqual([]);
    expect(await rowsOf('citizen_past_votes', id)).toEqual([]);
  });
});
