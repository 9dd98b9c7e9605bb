import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  latestMail, launchChromium, pngSize, requireBuiltClient, requireChromium, resetCodeAndLink, SCREENSHOTS, startServer, verificationCode, type TestServer,
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

/** Waits for a value to match, as a user would (the first leverage computation takes seconds). */
const eventually = <T>(read: () => Promise<T> | T, timeout = 30_000) => expect.poll(read, { timeout, interval: 100 });

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(server.url + path);
  return page;
}

async function shoot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

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
    const page = await open(citizen, '/');
    const headline = page.getByTestId('leverage-headline');
    await eventually(() => headline.textContent()).toMatch(/Avec 10 député·es MaVoix, les citoyen·nes auraient pu changer 518 des 3\s?876 votes de la 17e législature/);
    await page.getByRole('heading', { name: 'Derniers scrutins' }).waitFor();
    await page.locator('.scrutin-item').first().waitFor();
    await shoot(page, 'home');
    await page.close();
  });

  it('finds the LIOT motion by searching and filtering the list of scrutins', async () => {
    const page = await open(citizen, '/scrutins');
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
    const page = await open(citizen, `/scrutins/${LIOT}`);
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
    const page = await open(citizen, `/scrutins/${LIOT}?k=1&split=100,0,0`);
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
    const page = await open(citizen, `/scrutins/${LIOT}?k=100`);
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
    const page = await open(citizen, '/account');
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    await page.getByLabel('Code reçu par courriel').waitFor();
    await eventually(() => { try { return verificationCode(server.mailbox, email); } catch { return null; } }).toMatch(/^\d{6}$/);
    await page.getByLabel('Code reçu par courriel').fill(verificationCode(server.mailbox, email));
    await page.getByRole('button', { name: 'Vérifier mon adresse' }).click();
    await page.getByText('Adresse vérifiée.').waitFor();
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);

    const watcherContext = await browser.newContext();
    const watcher = await open(watcherContext, `/scrutins/${LIOT}`);
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
    const page = await open(citizen, `/scrutins/${LIOT}`);
    await page.getByTestId('official-pour').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger « Hémicycle officiel » en PNG' }).click()]);
    expect(download.suggestedFilename()).toBe(`hemicycle-${LIOT}.png`);
    const path = await download.path();
    const size = pngSize(readFileSync(path));
    expect(size.width).toBeGreaterThan(600);
    expect(size.height).toBeGreaterThan(300);
    await page.close();
  });

  it('opens the embed page and votes from it', async () => {
    const page = await open(citizen, `/embed/scrutin/${LIOT}`);
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
    const page = await open(citizen, '/legislature/17?k=10');
    await page.getByTestId('leverage-chart').locator('svg').waitFor();
    await eventually(() => page.getByTestId('flippable-count').textContent()).toMatch(/^\d+ votes sur 3\s?876 basculables avec K = 10$/);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await shoot(page, 'legislature');
    await page.close();
  });

  it('switches to English and keeps the choice', async () => {
    const page = await open(citizen, `/scrutins/${LIOT}`);
    await page.getByTestId('official-pour').waitFor();
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Official result' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Parallel result' }).waitFor();
    await page.close();
  });

  // Last: a reset ends every session of the account, the citizen context's included.
  it('resets a forgotten password with the mailed code, logs in with it, and checks a receipt against the public log', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await open(context, '/account');
    await page.getByRole('link', { name: /Mot de passe oublié/ }).click();
    await page.getByLabel('Adresse électronique').fill(email);
    const before = latestMail(server.mailbox, email, /réinitialisation/)?.text ?? null;
    await page.getByRole('button', { name: 'Recevoir un code' }).click();
    await eventually(() => latestMail(server.mailbox, email, /réinitialisation/)?.text ?? null).not.toBe(before);
    const { code } = resetCodeAndLink(latestMail(server.mailbox, email, /réinitialisation/)!);
    const newPassword = 'un tout nouveau mot de passe';
    await page.getByLabel('Code de réinitialisation').fill(code);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByRole('heading', { name: 'Mot de passe changé' }).waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).click();

    // the old password no longer opens the account, the new one does
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);

    // My votes: the receipt of the LIOT vote, checked in the browser against the public log
    const vote = page.getByTestId('my-vote').filter({ hasText: LIOT });
    await eventually(() => vote.getByTestId('my-vote-receipt').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await vote.getByRole('button', { name: 'Vérifier ce reçu dans le registre public' }).click();
    await eventually(() => vote.getByTestId('receipt-verdict').textContent()).toMatch(/chaîne de \d+ entrées intacte\. Votre vote «\s?contre\s?» est compté/);
    await shoot(page, 'account');
    await context.close();
  });

  it('opens the mailed reset link on the client route and sets a new password with it', async () => {
    const context = await browser.newContext();
    const before = latestMail(server.mailbox, email, /réinitialisation/)?.text ?? null;
    const res = await fetch(`${server.url}/api/auth/csrf`);
    const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const asked = await fetch(`${server.url}/api/auth/password-reset/request`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie }, body: JSON.stringify({ email }),
    });
    expect(asked.status).toBe(202);
    await eventually(() => latestMail(server.mailbox, email, /réinitialisation/)?.text ?? null).not.toBe(before);
    const { link } = resetCodeAndLink(latestMail(server.mailbox, email, /réinitialisation/)!);
    // the server builds the link from its public URL: here, the test server itself
    expect(new URL(link).origin).toBe(server.url);
    const page = await open(context, new URL(link).pathname + new URL(link).search);
    expect(await page.getByLabel('Code de réinitialisation').count()).toBe(0);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(password);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(password);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByRole('heading', { name: 'Mot de passe changé' }).waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);
    await context.close();
  });

  it('verifies a new address with the mailed link, votes, deletes the account, and the vote stays in the tally', async () => {
    const context = await browser.newContext();
    const other = `e2e-link-${Date.now()}@example.org`;
    const page = await open(context, '/account');
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    await page.getByLabel('Adresse électronique').fill(other);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    await eventually(() => latestMail(server.mailbox, other, /Votre code/)?.text ?? null).toMatch(/verify-email\?token=/);
    const link = /(https?:\/\/\S+\/api\/auth\/verify-email\?token=[A-Za-z0-9_%-]+)/.exec(latestMail(server.mailbox, other, /Votre code/)!.text)![1]!;
    // the server verifies, redirects to /?emailVerification=ok, and the client shows the account page
    await page.goto(link);
    await page.getByText('Adresse vérifiée par le lien reçu', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.getByLabel('Adresse électronique').fill(other);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(other);

    await page.goto(`${server.url}/scrutins/${LIOT}`);
    const total = page.getByTestId('tally-total');
    await eventually(() => total.textContent()).toMatch(/^\d+$/);
    const before = digits(await total.textContent());
    await page.getByTestId('vote-abstention').click();
    await eventually(() => page.getByTestId('receipt').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await eventually(() => total.textContent()).toBe(String(before + 1));

    await page.goto(`${server.url}/account`);
    await page.getByRole('button', { name: 'Supprimer mon compte…' }).click();
    await page.getByLabel('Mot de passe actuel').fill(password);
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.getByText('Votre compte est supprimé.', { exact: false }).waitFor();
    await page.getByLabel('Adresse électronique').fill(other);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();

    const after = await open(context, `/scrutins/${LIOT}`);
    await eventually(() => after.getByTestId('tally-total').textContent()).toBe(String(before + 1));
    await context.close();
  });
});
