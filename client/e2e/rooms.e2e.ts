import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, launchChromium, logIn, openPage, requireBuiltClient, requireChromium, shoot, signUpOverHttp, startServer, type TestServer } from './harness';

/**
 * A workshop room end to end in real Chromium: the facilitator creates a room from a pack, the
 * projector shows the code and the QR code, three participants join (one on a 360 px phone), and
 * two questions are played through the reveal. The projector is screenshotted at each reveal.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

const context = async (phone = false) => {
  const c = await browser.newContext(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 } });
  contexts.push(c);
  return c;
};

async function join(page: Page, pseudonym: string) {
  await page.getByLabel('Votre pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Entrer' }).click();
  await page.getByText(pseudonym, { exact: true }).waitFor();
}
async function vote(page: Page, choice: 'Pour' | 'Contre' | 'Abstention', prediction: 'Adopté' | 'Rejeté') {
  await page.getByRole('button', { name: prediction, exact: true }).click();
  await page.getByRole('button', { name: choice, exact: true }).click();
  await page.getByText('Vote enregistré').waitFor();
}

describe('workshop room', () => {
  it('a facilitator, a projector and three participants play two questions through the reveal', async () => {
    const console_ = await openPage(await context(), server, '/salles/nouvelle');
    await console_.getByLabel('Nom de la salle').fill('Atelier e2e');
    await console_.locator('li', { hasText: 'Les votes les plus serrés' }).getByRole('button', { name: 'Ajouter' }).click();
    await console_.getByRole('button', { name: 'Créer la salle' }).click();
    await console_.waitForURL(/\/salle\/[A-Z0-9]{6}\/animation/);
    const code = /\/salle\/([A-Z0-9]{6})\//.exec(console_.url())![1]!;
    expect(console_.url()).not.toContain('cle='.repeat(2));

    const projector = await openPage(await context(), server, `/salle/${code}/projection`);
    await projector.locator('.room-code').getByText(code).waitFor();
    await projector.locator('img.room-qr').waitFor();

    const ana = await openPage(await context(), server, `/salle/${code}`);
    const bilal = await openPage(await context(), server, `/salle/${code}`);
    const phone = await openPage(await context(true), server, `/salle/${code}`);
    await join(ana, 'Ana');
    await join(bilal, 'Bilal');
    await join(phone, 'Chloé');
    await projector.getByText('Chloé').waitFor();
    await console_.getByRole('heading', { name: '3 participant·es' }).waitFor();

    // Teams by choice: the facilitator places Ana and Bilal, Chloé picks hers on the phone
    await console_.getByRole('button', { name: '2 équipes', exact: true }).click();
    await console_.getByRole('textbox', { name: 'Nom de l’équipe 1' }).fill('Les Hiboux');
    await console_.getByRole('combobox', { name: 'Équipe de Ana' }).selectOption({ label: 'Les Hiboux' });
    await console_.getByRole('combobox', { name: 'Équipe de Bilal' }).selectOption({ label: 'Équipe 2' });
    await console_.getByRole('checkbox', { name: /choisir leur équipe/ }).check();
    await console_.getByRole('button', { name: 'Appliquer les équipes' }).click();
    const person = (name: string) => console_.locator('.room-people li', { hasText: name });
    await person('Ana').getByText('Les Hiboux').waitFor();
    await person('Bilal').getByText('Équipe 2').waitFor();
    await phone.getByText('Choisissez votre équipe').waitFor();
    await phone.getByRole('button', { name: 'Les Hiboux' }).click();
    await eventually(() => phone.getByRole('button', { name: 'Les Hiboux' }).getAttribute('aria-pressed')).toBe('true');
    await person('Chloé').getByText('Les Hiboux').waitFor();
    await shoot(console_, 'rooms-console-teams');
    await shoot(phone, 'rooms-phone-team-picker');

    for (const [round, choices] of [[1, ['Contre', 'Contre', 'Pour']], [2, ['Pour', 'Abstention', 'Pour']]] as const) {
      await console_.getByRole('button', { name: round === 1 ? 'Commencer' : 'Question suivante' }).click();
      await projector.getByText(`Question ${round} sur`).waitFor();
      await console_.getByRole('button', { name: 'Phase suivante' }).click();
      await console_.getByRole('button', { name: 'Phase suivante' }).click();
      await phone.getByRole('button', { name: 'Pour', exact: true }).waitFor();
      await vote(ana, choices[0], 'Adopté');
      await vote(bilal, choices[1], 'Rejeté');
      await vote(phone, choices[2], 'Adopté');
      await projector.getByText('3 / 3 ont voté').waitFor();
      // the projector never shows who voted what
      expect(await projector.locator('body').innerText()).not.toMatch(/Ana.*(Pour|Contre)/);
      await console_.getByRole('button', { name: 'Révéler' }).click();
      await projector.getByText('L’Assemblée réelle').first().waitFor();
      await projector.getByText(/Avec 3 député·es MaVoix/).first().waitFor();
      await projector.locator('.room-reveal svg').nth(1).waitFor();
      await shoot(projector, `rooms-projector-reveal-${round}`);
      await phone.getByText('L’Assemblée réelle').first().waitFor();
      if (round === 1) await shoot(phone, 'rooms-phone-reveal-1');
    }

    // A refresh keeps the identity: the token is on the device
    await phone.reload();
    await phone.getByText('Chloé', { exact: true }).waitFor();
    await eventually(async () => (await phone.locator('.room-reveal').count()) > 0).toBe(true);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  it('a signed-in facilitator creates a room from a shipped scenario and finds it in « Vos salles »', async () => {
    const email = `e2e-rooms-${Date.now()}@example.org`;
    const password = 'un mot de passe assez long';
    await signUpOverHttp(server, email, password);
    const page = await openPage(await context(), server, '/account');
    await logIn(page, email, password);
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);
    await page.goto(`${server.url}/salles/nouvelle`);
    await page.getByRole('heading', { name: 'Vos salles' }).waitFor();
    await page.getByLabel('Nom de la salle').fill('Atelier censure');
    await page.getByLabel('Scénario fourni').selectOption('censure-barnier-2024');
    await page.getByRole('button', { name: 'Créer la salle' }).click();
    await page.waitForURL(/\/salle\/[A-Z0-9]{6}\/animation/);
    const code = /\/salle\/([A-Z0-9]{6})\//.exec(page.url())![1]!;
    const view = (await (await fetch(`${server.url}/api/rooms/${code}`)).json()) as { total: number };
    expect(view.total).toBe(1);
    await page.goto(`${server.url}/salles/nouvelle`);
    const mine = page.locator('.room-mine li', { hasText: code });
    await mine.getByText('Atelier censure').waitFor();
    await mine.getByRole('link', { name: 'Ouvrir la console' }).click();
    await page.waitForURL(new RegExp(`/salle/${code}/animation`));
    await page.getByRole('button', { name: 'Commencer' }).waitFor();
  });
});
