import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, launchChromium, openPage, pngSize, requireBuiltClient, requireChromium, shoot, signUpInPage, startServer, verificationCode, type TestServer } from './harness';
import { axe } from './axe';

/**
 * Issue 17 end to end: link previews (the tags crawlers read, the image they fetch), the searches
 * people make for the votes they remember, and axe on every page in both languages.
 */
let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const metaOf = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key.replace(/[.]/g, '\\.')}" content="([^"]*)">`).exec(html)?.[1]?.replace(/&amp;/g, '&');

describe('link previews', () => {
  it('gives a scrutin link its title, Open Graph tags and a 1200×630 preview image, without JavaScript', async () => {
    // as a chat app's crawler asks: plain HTTP, no script run
    const res = await fetch(`${server.url}/scrutins/VTANR5L16V1240?k=7&split=70,23,7`, { headers: { accept: 'text/html', 'accept-language': 'fr-FR' } });
    const html = await res.text();
    expect(html).toMatch(/<title>Scrutin n° 1240 – La motion de censure/);
    expect(metaOf(html, 'og:title')).toMatch(/^Scrutin n° 1240 – La motion de censure déposée en application de l'article 49, alinéa 3/);
    expect(metaOf(html, 'og:description')).toMatch(/20 mars 2023\. Rejeté\u00a0: 278 pour, 0 contre \(287 requis\)\. Avec 7 députés MaVoix\u00a0: /);
    expect(metaOf(html, 'twitter:card')).toBe('summary_large_image');
    const image = metaOf(html, 'og:image')!;
    expect(image.startsWith(`${server.url}/api/previews/scrutins/VTANR5L16V1240.png?`)).toBe(true);
    const png = await fetch(image);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    // look at it: the image a chat shows
    const page = await context.newPage();
    await page.goto(image);
    await shoot(page, 'share-preview-1240');
    await page.close();
  });

  it('names every page in its tab, in the user’s language', async () => {
    const page = await openPage(context, server, '/scrutins/VTANR5L17V519');
    await eventually(() => page.title()).toMatch(/^Scrutin n° 519 – La motion de censure .* · MaVoix · Législature parallèle$/);
    await page.goto(`${server.url}/scrutins`);
    await eventually(() => page.title()).toBe('Rechercher un scrutin · MaVoix · Législature parallèle');
    await page.getByRole('button', { name: /English/ }).click();
    await eventually(() => page.title()).toBe('Find a vote · MaVoix · Parallel legislature');
    await page.getByRole('button', { name: /français/i }).click();
    await page.goto(`${server.url}/scenarios/builder`);
    await eventually(() => page.title()).toBe('Construire un scénario · MaVoix · Législature parallèle');
    // the embeddable widget too: the tab of a page opened from an iframe, in both languages
    await page.goto(`${server.url}/embed/scrutin/VTANR5L16V1240`);
    await eventually(() => page.title()).toMatch(/^Votez sur le scrutin n° 1240 – La motion de censure .* · MaVoix · Législature parallèle$/);
    await page.getByRole('button', { name: /English/ }).click();
    await eventually(() => page.title()).toMatch(/^Have your say on vote no\. 1240 – La motion de censure .* · MaVoix · Parallel legislature$/);
    await page.getByRole('button', { name: /français/i }).click();
    await page.close();
  });
});

/** The uids listed by the search page for `q`, once the debounced search has landed in the URL. */
async function searchFor(page: Page, q: string): Promise<string[]> {
  const box = page.getByRole('searchbox');
  await box.fill(q);
  await eventually(() => new URL(page.url()).searchParams.get('q')).toBe(q);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const hrefs = await page.locator('.scrutin-list .title').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace('/scrutins/', ''));
}

describe('search finds what people remember', () => {
  it('"retraites", "censure retraites", "LIOT" find the 20 March 2023 motions; "Barnier" the censure of 4 December 2024', async () => {
    const page = await openPage(context, server, '/scrutins');
    for (const q of ['retraites', 'censure retraites']) {
      const uids = await searchFor(page, q);
      expect(uids.slice(0, 2).sort(), q).toEqual(['VTANR5L16V1240', 'VTANR5L16V1241']);
    }
    expect((await searchFor(page, 'LIOT'))[0]).toBe('VTANR5L16V1240');
    expect((await searchFor(page, 'Barnier'))[0]).toBe('VTANR5L17V519');
    await shoot(page, 'share-search-barnier');
    await page.close();
  });

  it('goes straight to a vote from its number or its uid', async () => {
    const page = await openPage(context, server, '/scrutins');
    await page.getByRole('searchbox').fill('1240');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/\/scrutins\/VTANR5L16V1240$/);
    await page.goto(`${server.url}/scrutins`);
    await page.getByRole('searchbox').fill('VTANR5L17V519');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/\/scrutins\/VTANR5L17V519$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.close();
  });

  it('features famous votes on the home page, and an unknown scrutin offers search instead of a retry', async () => {
    const page = await openPage(context, server, '/');
    const famous = page.getByTestId('famous-votes');
    await famous.getByRole('link', { name: /Censure du gouvernement Barnier/ }).waitFor();
    expect(await famous.getByRole('link').count()).toBeGreaterThanOrEqual(3);
    await page.goto(`${server.url}/scrutins/VTANR5L17V99999`);
    await page.getByRole('heading', { name: 'Ce scrutin n’existe pas' }).waitFor();
    expect(await page.getByRole('button', { name: 'Réessayer' }).count()).toBe(0);
    await page.getByRole('searchbox').fill('Barnier');
    await page.getByRole('button', { name: 'Rechercher un scrutin' }).click();
    await page.waitForURL(/\/scrutins\?q=Barnier$/);
    await page.close();
  });
});

describe('voting, signed out then in', () => {
  it('a signed-out vote leads to sign-up and back; the code signs in; a keyboard vote keeps the focus on its button', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(ctx, server, '/scrutins/VTANR5L16V1240');
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.reload();
    await page.getByTestId('vote-pour').click();
    await page.waitForURL(/\/account\?next=%2Fscrutins%2FVTANR5L16V1240$/);
    // anonymous is not an error: no 401 logged on these loads
    expect(consoleErrors).toEqual([]);
    const email = `share-${Date.now()}@example.org`;
    await signUpInPage(page, email, 'un mot de passe assez long');
    await page.getByLabel('Code reçu par courriel').waitFor();
    await eventually(() => { try { return verificationCode(server.mailbox, email); } catch { return null; } }).toMatch(/^\d{6}$/);
    await page.getByLabel('Code reçu par courriel').fill(verificationCode(server.mailbox, email));
    await page.getByRole('button', { name: 'Vérifier mon adresse' }).click();
    // signed in by the code, back on the vote
    await page.waitForURL(/\/scrutins\/VTANR5L16V1240$/);
    const pour = page.getByTestId('vote-pour');
    await eventually(() => pour.isEnabled()).toBe(true);
    await pour.focus();
    await page.keyboard.press('Enter');
    await eventually(() => pour.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('vote-pour');
    await shoot(page, 'share-voted-keyboard');
    await ctx.close();
  });
});

const PAGES = ['/', '/scrutins', '/scrutins?q=retraites', '/scrutins/VTANR5L16V1240', '/scrutins/VTANR5L17V519', '/legislature/17', '/scenarios', '/account', '/reinitialiser', '/scrutins/VTANR5L17V99999', '/nowhere', '/embed/scrutin/VTANR5L16V1240'];

describe('accessibility', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`has no serious or critical axe violation on any page (${lang})`, async () => {
      // axe is injected as a script: the site's CSP (script-src 'self') would refuse it
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await ctx.addInitScript((l) => localStorage.setItem('parallele.lang', l), lang);
      const found: string[] = [];
      for (const path of PAGES) {
        const page = await openPage(ctx, server, path);
        // let the page load its data (lists, charts) before judging it
        await page.waitForLoadState('networkidle');
        await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 30_000 }).catch(() => undefined);
        await page.locator('h1').first().waitFor();
        for (const v of await axe(page)) found.push(`${path} [${lang}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        await page.close();
      }
      await ctx.close();
      expect(found).toEqual([]);
    });
  }

  it('keeps the whole menu reachable at 390 px', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await openPage(ctx, server, '/');
    const links = page.getByRole('navigation', { name: /Menu/i }).getByRole('link');
    const n = await links.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) {
      const box = (await links.nth(i).boundingBox())!;
      expect(box.x, await links.nth(i).textContent() ?? '').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await shoot(page, 'share-menu-390');
    await ctx.close();
  });
});
