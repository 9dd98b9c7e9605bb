import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import request from 'supertest';
import { REPO_ROOT } from '../../config';
import { createVerifiedCitizen, signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

const run = promisify(execFile);
let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer();
});
afterAll(async () => t.close());

async function adminAgent(email: string, password: string) {
  const agent = request.agent(t.url);
  const csrf = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken as string;
  const login = await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email, password }).expect(200);
  return { agent, csrf: login.body.csrfToken as string, me: login.body.me };
}

describe('moderation', () => {
  it('creates an administrator with the CLI (npm run admin -- create)', async () => {
    const { stdout } = await run(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'server/src/cli/admin.ts'), 'create', '--email', 'Chief@Example.org'],
      { env: { ...process.env, DATABASE_URL: t.db.path, NODE_ENV: 'test', SCRYPT_LOG_N: '10', SCRYPT_P: '1', SECRET_KEY_FILE: join(t.dir, 'secret.key') } },
    );
    const password = /Generated password \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(stdout).toMatch(/Created administrator chief@example\.org/);
    const admin = await adminAgent('chief@example.org', password!);
    expect(admin.me.role).toBe('admin');
  });

  it('lets an admin review the flags of a burst, and the unflagged tally follows', async () => {
    const uid = t.scrutinUids[0]!;
    await t.citizens.accounts.createAdmin('moderator@example.org', 'moderator passphrase');
    const admin = await adminAgent('moderator@example.org', 'moderator passphrase');
    const honest = await createVerifiedCitizen(t, 'honest@example.org', '192.0.2.77');
    await t.citizens.votes.castVote(honest.citizen, uid, 'pour', '192.0.2.77');
    for (let i = 0; i < 10; i++) {
      const fake = await createVerifiedCitizen(t, `fake${i}@example.org`, `203.0.113.${i + 1}`);
      await t.citizens.votes.castVote(fake.citizen, uid, 'contre', `203.0.113.${i + 1}`);
    }
    const runRes = await admin.agent.post('/api/admin/detector/run').set('x-csrf-token', admin.csrf).expect(200);
    expect(runRes.body).toEqual({ flagged: 10, clusters: 2 });
    const list = await admin.agent.get('/api/admin/flags?status=open').expect(200);
    expect(list.body.total).toBe(10);
    expect(list.body.flags[0].reason).toMatch(/10 new accounts from 203\.0\.113\.0\/24/);
    expect(JSON.stringify(list.body)).not.toContain('@');

    let tally = (await request(t.url).get(`/api/scrutins/${uid}/tally`).expect(200)).body;
    expect(tally.all).toMatchObject({ pour: 1, contre: 10 });
    expect(tally.unflagged).toMatchObject({ pour: 1, contre: 0, total: 1 });

    const [first, second] = list.body.flags as { id: number }[];
    const cleared = await admin.agent.post(`/api/admin/flags/${first!.id}/review`).set('x-csrf-token', admin.csrf).send({ decision: 'clear', note: 'a real person' }).expect(200);
    expect(cleared.body.status).toBe('cleared');
    await admin.agent.post(`/api/admin/flags/${second!.id}/review`).set('x-csrf-token', admin.csrf).send({ decision: 'confirm' }).expect(200);
    tally = (await request(t.url).get(`/api/scrutins/${uid}/tally`).expect(200)).body;
    expect(tally.unflagged).toMatchObject({ pour: 1, contre: 1, total: 2 });
    expect((await admin.agent.get('/api/admin/flags?status=confirmed').expect(200)).body.total).toBe(1);
    await admin.agent.post('/api/admin/flags/999999/review').set('x-csrf-token', admin.csrf).send({ decision: 'clear' }).expect(404);
  });

  it('keeps the admin endpoints from citizens and anonymous visitors', async () => {
    const citizen = await signUpOverHttp(t, 'curious@example.org');
    await citizen.agent.get('/api/admin/flags').expect(403);
    await citizen.agent.post('/api/admin/detector/run').set('x-csrf-token', citizen.csrf).expect(403);
    await request(t.url).get('/api/admin/flags').expect(401);
  });

  it('lets an admin announce an upcoming scrutin and close it', async () => {
    const admin = await adminAgent('moderator@example.org', 'moderator passphrase');
    const uid = 'VTANR5L17V5000';
    const closesAt = new Date(t.clock.now + 86_400_000).toISOString();
    const opened = await admin.agent.put(`/api/admin/scrutins/${uid}/window`).set('x-csrf-token', admin.csrf).send({ closesAt, title: 'Texte à venir' }).expect(200);
    expect(opened.body).toEqual({ status: 'open', retrospective: false, closesAt });
    const closed = await admin.agent.put(`/api/admin/scrutins/${uid}/window`).set('x-csrf-token', admin.csrf).send({ closed: true }).expect(200);
    expect(closed.body.status).toBe('closed');
    await admin.agent.put(`/api/admin/scrutins/${uid}/window`).set('x-csrf-token', admin.csrf).send({ closesAt: 'tomorrow' }).expect(400);
  });
});
