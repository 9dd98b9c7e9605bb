import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { mailsTo, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

const servers: CitizensTestServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function registerAndReadLink(t: CitizensTestServer, email: string, body: Record<string, unknown>, host?: string) {
  const agent = request.agent(t.url);
  const csrf = ((await agent.get('/api/auth/csrf').expect(200)).body as { csrfToken: string }).csrfToken;
  const post = agent.post('/api/auth/register').set('x-csrf-token', csrf);
  if (host) post.set('Host', host);
  const res = await post.send({ email, password: 'correct horse battery staple', ...body });
  await t.deps.mailer.idle();
  const mail = mailsTo(t.mailbox, email).at(-1);
  return { res, link: mail ? /(https?:\/\/\S+\/api\/auth\/verify-email\?\S+)/.exec(mail.text)?.[1] : undefined };
}

describe('the mailed verification link', () => {
  it('in development, points at the host the citizen used and brings them back to the page they came from', async () => {
    const t = await startCitizensTestServer({ env: { NODE_ENV: 'development' } });
    servers.push(t);
    const { res, link } = await registerAndReadLink(t, 'link-dev@example.org', { next: '/scrutins/VTANR5L16V1240?k=7' }, 'parallele.local:8080');
    expect(res.status, res.text).toBe(202);
    expect(link).toMatch(/^http:\/\/parallele\.local:8080\/api\/auth\/verify-email\?token=[^&]+&next=%2Fscrutins%2FVTANR5L16V1240%3Fk%3D7$/);
    const landing = await request(t.url).get(new URL(link!).pathname + new URL(link!).search).expect(303);
    expect(landing.headers.location).toBe('/?emailVerification=ok&next=%2Fscrutins%2FVTANR5L16V1240%3Fk%3D7');
  });

  it('uses PUBLIC_URL when set, whatever the Host header says', async () => {
    // COOKIE_SECURE off: an https PUBLIC_URL makes cookies Secure, which this plain-http test client would not send back
    const t = await startCitizensTestServer({ env: { NODE_ENV: 'development', PUBLIC_URL: 'https://mavoix.example', COOKIE_SECURE: 'off' } });
    servers.push(t);
    const { link } = await registerAndReadLink(t, 'link-public@example.org', {}, 'evil.example');
    expect(link).toMatch(/^https:\/\/mavoix\.example\/api\/auth\/verify-email\?token=[^&\s]+$/);
  });

  it('refuses a next that would leave the site, naming it', async () => {
    const t = await startCitizensTestServer();
    servers.push(t);
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const { res } = await registerAndReadLink(t, 'link-bad@example.org', { next });
      expect(res.status, next).toBe(400);
      expect((res.body as { param?: string }).param).toBe('next');
    }
  });
});
