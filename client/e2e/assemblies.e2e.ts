import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { digits, eventually, launchChromium, logIn, openPage, requireBuiltClient, requireChromium, shoot, signUpOverHttp, startServer, type TestServer } from './harness';

/**
 * Issue 15 in real headless Chromium against the built app and the real server (which imports the
 * bundled AN data, the European Parliament's votes and the example council at start): browse the
 * EP votes, vote on one, simulate K MaVoix MEPs; play the Président election.
 */
const UKRAINE = 'PEL10V169362'; // "The need for the EU's continuous support for Ukraine", 17 July 2024: 495 for, 137 against

let server: TestServer;
let browser: Browser;
const email = `e2e-ep-${Date.now()}@example.org`;
const password = 'un mot de passe assez long';

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
  await signUpOverHttp(server, email, password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the European Parliament in Chromium', () => {
  it('switches the list to the European Parliament, finds a vote, votes on it and simulates K French MaVoix MEPs', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, server, '/account');
    await logIn(page, email, password);
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);

    await page.goto(`${server.url}/scrutins`);
    await page.getByTestId('assembly-switch').selectOption('ep');
    await eventually(() => new URL(page.url()).searchParams.get('assembly')).toBe('ep');
    await eventually(() => page.getByText(/^293 (scrutins|votes)/).count()).toBe(1);
    await page.getByLabel('Rechercher dans les titres').fill('continuous support for Ukraine');
    const link = page.locator(`a[href="/scrutins/${UKRAINE}"]`);
    await link.waitFor();
    await link.click();

    await eventually(() => page.getByTestId('official-pour').textContent()).toBe('495');
    expect(await page.getByTestId('official-required').textContent()).toBe('138');
    expect(await page.getByTestId('ep-rule').textContent()).toContain('délégation française (81 sièges)');
    expect(await page.getByText('HowTheyVote.eu (ODbL)', { exact: false }).count()).toBeGreaterThan(0);

    // the citizen votes on the EP vote as on an AN scrutin, and gets a receipt
    await page.getByTestId('vote-contre').click();
    await eventually(() => page.getByTestId('receipt').textContent()).toMatch(/^[0-9a-f]{64}$/);

    // the simulator: K MaVoix MEPs replace French MEPs; all contre cannot overturn 495 to 137
    await page.goto(`${server.url}/scrutins/${UKRAINE}?k=40&split=0,100,0`);
    await eventually(() => page.getByTestId('parallel-outcome-label').textContent()).toBe('adopté');
    const slider = page.getByTestId('k-slider');
    const max = digits(await slider.getAttribute('max'));
    expect(max).toBeGreaterThanOrEqual(79);
    expect(max).toBeLessThanOrEqual(81);
    await shoot(page, 'ep-vote');
    await context.close();
  });

  it('plays the 2024 Président election: a ballot in round 3 and the K slider', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, server, '/account');
    await logIn(page, email, password);
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);
    await page.goto(`${server.url}/elections`);
    const round3 = page.getByTestId('round-3');
    await eventually(() => page.getByTestId('official-3').textContent()).toContain('Yaël Braun-Pivet');
    await round3.getByRole('button', { name: 'Voter pour André Chassaigne' }).click();
    await eventually(() => round3.getByRole('status').textContent()).toContain('André Chassaigne');
    // the platform's split is now 100 % Chassaigne: at K = 20 he would have been elected
    await eventually(() => page.getByTestId('parallel-3').textContent()).toContain('Autre élu·e');
    await context.close();
  });

  it('simulates an election a facilitator types in, and reopens it from its permalink', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, server, '/elections');
    const typed = page.getByTestId('typed-election');
    await eventually(() => typed.getByRole('alert').textContent()).toContain('Intitulé\u00a0: à remplir.');
    await typed.getByLabel('Intitulé', { exact: true }).fill('Délégué·e de l’atelier');
    await typed.getByLabel('Nombre de membres (sièges)', { exact: true }).fill('30');
    await typed.getByLabel('Blancs ou nuls', { exact: true }).fill('2');
    await typed.getByLabel('Nom du ou de la candidat·e 1', { exact: true }).fill('Awa');
    await typed.getByLabel('Voix du ou de la candidat·e 1', { exact: true }).fill('12');
    await typed.getByLabel('Part MaVoix du ou de la candidat·e 1', { exact: true }).fill('0');
    await typed.getByLabel('Nom du ou de la candidat·e 2', { exact: true }).fill('Bruno');
    await typed.getByLabel('Voix du ou de la candidat·e 2', { exact: true }).fill('11');
    await eventually(() => page.getByTestId('typed-official').textContent()).toContain('Élu·e\u00a0: Awa');
    await page.getByTestId('typed-k').fill('4');
    await eventually(() => page.getByTestId('typed-parallel').textContent()).toBe('Autre élu·e\u00a0: Bruno.');
    // the permalink: the same page, opened afresh from the address
    const link = page.url();
    expect(new URL(link).searchParams.get('saisie')).toContain('Bruno');
    const other = await context.newPage();
    await other.goto(link);
    await eventually(() => other.getByTestId('typed-parallel').textContent()).toBe('Autre élu·e\u00a0: Bruno.');
    await shoot(other, 'typed-election');
    await context.close();
  });
});
