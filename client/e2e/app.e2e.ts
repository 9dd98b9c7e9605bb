import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  digits, eventually, launchChromium, openPage, pngSize, requireBuiltClient, requireChromium, shoot, signUpInPage, startServer, verificationCode,
  type TestServer,
} from './harness';

/**
 * The web client end to end, in real headless Chromium, against the built app served by the real
 * server on the bundled open data. The steps share one server and follow a citizen's path.
 */
const LIOT = 'VTANR5L16V1240'; // the LIOT censure motion of 20 March 2023 (pension reform)

let server: TestServer;
let browser: Browser;
let citizen: BrowserContext;
const email = `e2e-${Date.now()}@example.org`;
const password = 'un mot de passe assez long';

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
  citizen = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web client in Chromium', () => {
  it('shows the home page with the leverage headline of the 17th legislature', async () => {
    const page = await openPage(citizen, server, '/');
    const headline = page.getByTestId('leverage-headline');
    await eventually(() => headline.textContent()).toMatch(/Avec 10 député·es MaVoix, les citoyen·nes auraient pu changer 518 des 3\s?876 votes de la 17e législature/);
    await page.getByRole('heading', { name: 'Derniers scrutins' }).waitFor();
    await page.locator('.scrutin-item').first().waitFor();
    await shoot(page, 'home');
    await page.close();
  });

  it('finds the LIOT motion by searching and filtering the list of scrutins', async () => {
    const page = await openPage(citizen, server, '/scrutins');
    await page.getByLabel('Législature', { exact: true }).selectOption('16');
    await page.getByLabel('Type de vote').selectOption('MOC');
    await page.getByLabel('Rechercher dans les titres').fill('Pancher');
    // the search is debounced, then lands in the URL (the list's permalink)
    await eventually(() => new URL(page.url()).searchParams.get('q')).toBe('Pancher');
    const params = new URL(page.url()).searchParams;
    expect([params.get('legislature'), params.get('type')]).toEqual(['16', 'MOC']);
    await eventually(() => page.locator('.scrutin-item').count()).toBeLessThan(5);
    const link = page.locator(`a[href="/scrutins/${LIOT}"]`);
    await link.waitFor();
    await link.click();
    await eventually(() => page.getByTestId('official-pour').textContent()).toBe('278');
    await page.close();
  });

  it('opens the LIOT motion of 20 March 2023 and reads 278 pour for 287 required', async () => {
    const page = await openPage(citizen, server, `/scrutins/${LIOT}`);
    await eventually(() => page.getByTestId('official-pour').textContent()).toBe('278');
    expect(await page.getByTestId('official-required').textContent()).toBe('287');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^La motion de censure/);
    // the official hemicycle: one seat per member, named for screen readers
    expect(await page.getByRole('img', { name: /Hémicycle officiel/ }).count()).toBe(1);
    await page.getByTestId('k-curve').waitFor();
    await shoot(page, 'scrutin');
    await page.close();
  });

  it('moves K until the outcome tips and reads the tipping point', async () => {
    const page = await openPage(citizen, server, `/scrutins/${LIOT}?k=1&split=100,0,0`);
    const label = page.getByTestId('parallel-outcome-label');
    await eventually(() => label.textContent()).toBe('rejeté');
    const kStar = digits(await page.getByTestId('tipping-point').textContent());
    expect(kStar).toBeGreaterThan(1);
    const slider = page.getByTestId('k-slider');
    await slider.focus();
    let k = 1;
    while ((await label.textContent()) === 'rejeté' && k < 577) {
      await page.keyboard.press('ArrowRight');
      k++;
      await eventually(() => page.getByTestId('k-value').textContent()).toBe(String(k));
    }
    expect(await label.textContent()).toBe('adopté');
    expect(k).toBe(kStar);
    expect(new URL(page.url()).searchParams.get('k')).toBe(String(kStar));
    await page.close();
  });

  it('sets a manual split and sees the parallel hemicycle change', async () => {
    const page = await openPage(citizen, server, `/scrutins/${LIOT}?k=100`);
    await page.getByTestId('source-manual').check({ force: true });
    const hemicycle = page.getByTestId('parallel-hemicycle').locator('desc');
    await eventually(() => hemicycle.textContent()).toContain('MaVoix (100)');
    const before = await hemicycle.textContent();
    await page.getByTestId('split-pour').fill('90');
    await eventually(() => hemicycle.textContent()).not.toBe(before);
    expect(await hemicycle.textContent()).toContain('MaVoix (100) : 90 pour');
    expect(new URL(page.url()).searchParams.get('split')).toMatch(/^90,/);
    await page.close();
  });

  it('registers, verifies through the development mailbox, votes, and a second browser sees the tally change live', async () => {
    const page = await openPage(citizen, server, '/account');
    await signUpInPage(page, email, password);
    await page.getByLabel('Code reçu par courriel').waitFor();
    await eventually(() => { try { return verificationCode(server.mailbox, email); } catch { return null; } }).toMatch(/^\d{6}$/);
    await page.getByLabel('Code reçu par courriel').fill(verificationCode(server.mailbox, email));
    await page.getByRole('button', { name: 'Vérifier mon adresse' }).click();
    await page.getByText('Adresse vérifiée.').waitFor();
    // the code signs the citizen in (issue 17): no second typing of the password
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);

    const watcherContext = await browser.newContext();
    const watcher = await openPage(watcherContext, server, `/scrutins/${LIOT}`);
    const total = watcher.getByTestId('tally-total');
    await eventually(() => total.textContent()).toBe('0');

    await page.goto(`${server.url}/scrutins/${LIOT}`);
    await page.getByTestId('vote-pour').click();
    await eventually(() => page.getByTestId('receipt').textContent()).toMatch(/^[0-9a-f]{64}$/);
    // live: the watcher's page is never reloaded
    await eventually(() => total.textContent(), 10_000).toBe('1');
    expect(await watcher.getByTestId('tally-pour').textContent()).toBe('1');
    await watcherContext.close();
    await page.close();
  });

  it('downloads a chart as a valid PNG image', async () => {
    const page = await openPage(citizen, server, `/scrutins/${LIOT}`);
    await page.getByTestId('official-pour').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger « Hémicycle officiel » en PNG' }).click()]);
    expect(download.suggestedFilename()).toBe(`hemicycle-${LIOT}.png`);
    const path = await download.path();
    const size = pngSize(readFileSync(path));
    expect(size.width).toBeGreaterThan(600);
    expect(size.height).toBeGreaterThan(300);
    await page.close();
  });

  it('downloads a chart for social networks at the exact size, with the vote’s context', async () => {
    const page = await openPage(citizen, server, `/scrutins/${LIOT}?k=7&split=70,23,7`);
    await page.getByTestId('official-pour').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger « Hémicycle officiel » en 1080×1080 (PNG)' }).click()]);
    expect(download.suggestedFilename()).toBe(`hemicycle-${LIOT}-1080x1080.png`);
    expect(pngSize(readFileSync(await download.path()))).toEqual({ width: 1080, height: 1080 });
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger « Hémicycle officiel » en SVG' }).click()]);
    const text = readFileSync(await svg.path(), 'utf8');
    expect(text).toContain('La motion de censure');
    expect(text).toContain('Assemblée nationale – données ouvertes · simulation MaVoix, http');
    await page.close();
  });

  it('opens the embed page and votes from it', async () => {
    const page = await openPage(citizen, server, `/embed/scrutin/${LIOT}`);
    await eventually(() => page.getByTestId('embed-parallel').textContent()).toMatch(/Avec 10 député·es MaVoix/);
    await eventually(() => page.getByTestId('vote-pour').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('vote-contre').click();
    await eventually(() => page.getByTestId('vote-contre').getAttribute('aria-pressed')).toBe('true');
    await eventually(() => page.getByTestId('tally-contre').textContent()).toBe('1');
    expect(await page.getByTestId('tally-pour').textContent()).toBe('0');
    await shoot(page, 'embed');
    await page.close();
  });

  it('shows the legislature page with the leverage curve and the flippable votes', async () => {
    const page = await openPage(citizen, server, '/legislature/17?k=10');
    await page.getByTestId('leverage-chart').locator('svg').waitFor();
    await eventually(() => page.getByTestId('flippable-count').textContent()).toMatch(/^\d+ votes sur 3\s?876 basculables avec K = 10$/);
    // the list is a request of its own: it may arrive after the count
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await shoot(page, 'legislature');
    await page.close();
  });

  it('switches to English and keeps the choice', async () => {
    const page = await openPage(citizen, server, `/scrutins/${LIOT}`);
    await page.getByTestId('official-pour').waitFor();
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Official result' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Parallel result' }).waitFor();
    await page.close();
  });
});
