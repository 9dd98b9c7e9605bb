import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOverHttp, type SignedIn } from '../../test-support/citizens';
import { PLF_QUESTION, startPlatformTestServer, type PlatformTestServer } from '../../test-support/platform';

/** Alerts on the real agenda replayed from 18 Nov 2025: digests in the dev mailbox, never twice. */
let t: PlatformTestServer;
let ada: SignedIn;
let bob: SignedIn;

interface Mail {
  subject: string;
  text: string;
  headers?: Record<string, string>;
}
const alertMails = async (to: string): Promise<Mail[]> => {
  await t.citizens.mailer.idle();
  const safe = to.replace(/[^a-z0-9@._-]/gi, '_');
  return readdirSync(t.mailbox)
    .sort()
    .filter((n) => n.endsWith(`-${safe}.json`))
    .map((n) => JSON.parse(readFileSync(join(t.mailbox, n), 'utf8')) as Mail)
    .filter((m) => !/code|Code/.test(m.subject));
};

beforeAll(async () => {
  t = await startPlatformTestServer();
  ada = await signUpOverHttp(t as never, 'ada@example.org');
  bob = await signUpOverHttp(t as never, 'bob@example.org');
});
afterAll(async () => {
  await t.close();
});

describe('alerts', () => {
  it('subscribes to all solemn votes, to a text, or to nothing', async () => {
    const put = await ada.agent.put('/api/me/alerts').set('x-csrf-token', ada.csrf).send({ solemn: true, texts: [] }).expect(200);
    expect(put.body).toEqual({ solemn: true, texts: [] });
    await bob.agent.put('/api/me/alerts').set('x-csrf-token', bob.csrf).send({ solemn: false, texts: ['DLR5L17N50684'] }).expect(200);
    const bad = await ada.agent.put('/api/me/alerts').set('x-csrf-token', ada.csrf).send({ solemn: true, texts: ['PLF'] }).expect(400);
    expect(bad.body.detail).toMatch(/texts/);
    await request(t.url).get('/api/me/alerts').expect(401);
  });

  it('sends one digest a day in the citizen language, with the one-click unsubscribe headers', async () => {
    expect(await t.platform.alerts.run()).toBe(2);
    const [mail] = await alertMails('ada@example.org');
    expect(mail!.subject).toMatch(/nouvelle/);
    expect(mail!.text).toContain('« Vote solennel sur le projet de loi de finances pour 2026 »');
    expect(mail!.text).toContain('lundi 24 novembre 2025');
    expect(mail!.headers?.['list-unsubscribe'] ?? mail!.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/alerts\/unsubscribe\?token=\d+\.[\w-]{43}>$/);
    expect(mail!.headers?.['list-unsubscribe-post'] ?? mail!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const bobs = await alertMails('bob@example.org');
    expect(bobs).toHaveLength(1);
    expect(bobs[0]!.text).toContain("abrogation de la retraite à 64 ans");
    expect(bobs[0]!.text).not.toContain('projet de loi de finances pour 2026');
    // the same day again: nothing (one digest a day at most)
    expect(await t.platform.alerts.run()).toBe(0);
  });

  it('never sends the same alert twice, even after a restart', async () => {
    const restarted = t.restart();
    t.clock.now = Date.parse('2025-11-19T09:00:00+01:00');
    // a new day: only what is new is due, and the opened alerts were sent already
    expect(await restarted.platform.alerts.run()).toBe(0);
    t.clock.now = Date.parse('2025-11-23T18:00:00+01:00');
    expect(await restarted.platform.alerts.run()).toBe(1);
    // the restarted services hand their mail over before the mailbox is read
    await restarted.close();
    const mails = await alertMails('ada@example.org');
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('Dernier jour : « Vote solennel sur le projet de loi de finances pour 2026 »');
    expect(await t.platform.alerts.run()).toBe(0);
  });

  it('tells the result: the mandate and the Assembly vote, once the scrutin is in', async () => {
    await ada.agent.put(`/api/scrutins/${PLF_QUESTION}/my-vote`).set('x-csrf-token', ada.csrf).send({ choice: 'contre' }).expect(200);
    t.clock.now = Date.parse('2025-11-24T20:00:00+01:00');
    await t.importFixtureScrutin();
    expect(await t.platform.alerts.run()).toBe(1);
    const mails = await alertMails('ada@example.org');
    expect(mails).toHaveLength(3);
    expect(mails[2]!.text).toContain('Les citoyen·nes avaient décidé 0 % pour, 100 % contre, 0 % abstention (1)');
    expect(mails[2]!.text).toContain('/scrutins/VTANR5L17V3900');
  });

  it('unsubscribes in one click with the signed link; a tampered link gets a clear error and changes nothing', async () => {
    const mail = (await alertMails('ada@example.org'))[0]!;
    const link = /<(.+)>/.exec(mail.headers?.['list-unsubscribe'] ?? mail.headers?.['List-Unsubscribe'] ?? '')![1]!;
    const path = link.replace(/^http:\/\/[^/]+/, '');
    const token = new URL(link).searchParams.get('token')!;
    const other = token.replace(/^\d+/, (id) => String(Number(id) + 1));
    const tampered = await request(t.url).post(`/api/alerts/unsubscribe?token=${other}`).type('form').send('List-Unsubscribe=One-Click').expect(400);
    expect(tampered.body).toMatchObject({ code: 'unsubscribe_token_invalid', param: 'token' });
    expect(tampered.body.detail).toMatch(/not valid \(altered or incomplete\)/);
    await request(t.url).get('/api/alerts/unsubscribe?token=12.abc').expect(400);
    expect((await ada.agent.get('/api/me/alerts').expect(200)).body).toEqual({ solemn: true, texts: [] });
    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click, without cookies
    await request(t.url).post(path).type('form').send('List-Unsubscribe=One-Click').expect(200, { unsubscribed: true });
    expect((await ada.agent.get('/api/me/alerts').expect(200)).body).toEqual({ solemn: false, texts: [] });
  });
});
