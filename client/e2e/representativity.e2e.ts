import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eventually, launchChromium, logIn, openPage, requireBuiltClient, requireChromium, shoot, signUpOverHttp, startServer, type TestServer } from './harness';

/**
 * Issue 16 end to end: 36 citizens with a profile vote on the LIOT motion (too many young women,
 * who vote pour), then in Chromium a citizen votes, fills the optional profile after the vote,
 * and reads the raw and reweighted split, the distortion charts (small cells hidden) and the
 * simulator on the reweighted split.
 */
const LIOT = 'VTANR5L16V1240';
const password = 'un mot de passe assez long';
const AGES = ['18-24', '25-34', '35-49', '50-64', '65+'] as const;

let server: TestServer;
let browser: Browser;
const email = `e2e-rep-${Date.now()}@example.org`;

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  // the spawned server inherits this worker's env: enough sign-ups from one address, cheap hashing
  process.env.RATE_AUTH_PER_IP = '1000';
  process.env.RATE_REGISTER_PER_IP = '100';
  process.env.SCRYPT_LOG_N = '10';
  process.env.SCRYPT_P = '1';
  server = await startServer();
  browser = await launchChromium();
  for (let i = 0; i < 36; i++) {
    const citizen = await signUpOverHttp(server, `e2e-rep-${i}-${Date.now()}@example.org`, password);
    const age = AGES[i < 14 ? 0 : i < 26 ? 1 : i < 31 ? 2 : i < 34 ? 3 : 4]!;
    const young = age === '18-24' || age === '25-34';
    const profile = await citizen('/api/me/profile', { method: 'PUT', body: { sex: i % 4 === 0 ? 'H' : 'F', age } });
    if (!profile.ok) throw new Error(`profile: HTTP ${profile.status}`);
    const vote = await citizen(`/api/scrutins/${LIOT}/my-vote`, { method: 'PUT', body: { choice: young ? 'pour' : 'contre' } });
    if (!vote.ok) throw new Error(`vote: HTTP ${vote.status}`);
  }
  await signUpOverHttp(server, email, password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('representativity in Chromium', () => {
  it('offers the profile after a vote, then shows raw and redressé side by side with small cells hidden', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, server, '/account');
    await logIn(page, email, password);
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);
    await page.goto(`${server.url}/scrutins/${LIOT}`);
    await page.getByTestId('vote-contre').click();
    const prompt = page.getByTestId('profile-prompt');
    await prompt.waitFor();
    await prompt.getByTestId('profile-sex').selectOption('H');
    await prompt.getByTestId('profile-age').selectOption('65+');
    await prompt.getByTestId('profile-save').click();
    await prompt.getByText('Profil enregistré.').waitFor();

    const panel = page.getByTestId('representativity');
    await eventually(() => panel.getByTestId('representativity-voters').textContent()).toMatch(/^3[67] votant·e\(s\) comptés, dont 3[67] avec un profil$/);
    await panel.getByTestId('raked-pour').waitFor();
    const raw = Number((await panel.getByTestId('raw-pour').textContent())!.replace(/[^\d,]/g, '').replace(',', '.'));
    const raked = Number((await panel.getByTestId('raked-pour').textContent())!.split('%')[0]!.replace(/[^\d,]/g, '').replace(',', '.'));
    // the young are over-represented and voted pour: reweighting lowers pour
    expect(raked).toBeLessThan(raw);
    await expect.poll(() => panel.getByText(/intervalle à 95 %/).count()).toBe(3);
    await panel.getByText(/Les cases de moins de 10 personnes sont masquées/).waitFor();
    // the 65+ cell has fewer than 10 voters: drawn as "—" in the age chart
    expect(await panel.locator('svg text', { hasText: '—' }).count()).toBeGreaterThan(0);
    await shoot(page, 'representativity');

    // the simulator on the reweighted split
    // the radio shows the split in use (issue 17): it is checked once the reweighted split has arrived
    await page.getByTestId('source-redresse').click();
    await eventually(() => page.getByTestId('split-pour').isDisabled()).toBe(true);
    await eventually(() => page.getByTestId('source-redresse').isChecked()).toBe(true);
    await context.close();
  });

  it('shows who votes on the whole platform', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, server, '/representativite');
    await page.getByRole('heading', { name: 'Qui vote sur la plateforme ?' }).waitFor();
    await eventually(() => page.getByTestId('representativity-voters').textContent()).toMatch(/^37 votant·e\(s\) comptés/);
    await context.close();
  });
});
