import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  digits, eventually, latestMail, launchChromium, logIn, openPage, requireBuiltClient, requireChromium, resetCodeAndLink, shoot, signUpInPage,
  signUpOverHttp, startServer, type TestServer,
} from './harness';

/**
 * The citizen's account end to end, in real headless Chromium against the built app and the real
 * server: password reset by the mailed code and by the mailed link, the verification link,
 * account deletion (the vote stays counted), SMS verification, and a receipt checked in the
 * browser against the public log.
 */
const LIOT = 'VTANR5L16V1240'; // the LIOT censure motion of 20 March 2023 (pension reform)

let server: TestServer;
let browser: Browser;
const email = `e2e-account-${Date.now()}@example.org`;
const password = 'un mot de passe assez long';

/** Types the new password twice on the reset page, submits, and follows the link to log in. */
async function chooseNewPassword(page: Page, newPassword: string) {
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirmer le nouveau mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await page.getByRole('heading', { name: 'Mot de passe changé' }).waitFor();
  await page.getByRole('link', { name: 'Se connecter' }).click();
}

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
  // A verified citizen who voted on the LIOT motion: what the reset and the receipt check start from.
  const citizen = await signUpOverHttp(server, email, password);
  const vote = await citizen(`/api/scrutins/${LIOT}/my-vote`, { method: 'PUT', body: { choice: 'contre' } });
  if (!vote.ok) throw new Error(`vote: HTTP ${vote.status} ${await vote.text()}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the citizen account in Chromium', () => {
  it('resets a forgotten password with the mailed code, logs in with it, and checks a receipt against the public log', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await openPage(context, server, '/account');
    await page.getByRole('link', { name: /Mot de passe oublié/ }).click();
    // the account page stays up while the reset page's chunk loads: wait for the new page
    await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    await page.getByLabel('Adresse électronique').fill(email);
    const before = latestMail(server.mailbox, email, /réinitialisation/)?.text ?? null;
    await page.getByRole('button', { name: 'Recevoir un code' }).click();
    // the answer is the same whether the account exists (no enumeration); an error would show an alert
    await page.getByLabel('Code de réinitialisation').waitFor();
    await eventually(() => latestMail(server.mailbox, email, /réinitialisation/)?.text ?? null).not.toBe(before);
    const { code } = resetCodeAndLink(latestMail(server.mailbox, email, /réinitialisation/)!);
    const newPassword = 'un tout nouveau mot de passe';
    await page.getByLabel('Code de réinitialisation').fill(code);
    await chooseNewPassword(page, newPassword);

    // the old password no longer opens the account, the new one does
    await logIn(page, email, password);
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);

    // My votes: the receipt of the LIOT vote, checked in the browser against the public log
    const vote = page.getByTestId('my-vote').filter({ hasText: LIOT });
    await eventually(() => vote.getByTestId('my-vote-receipt').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await vote.getByRole('button', { name: 'Vérifier ce reçu dans le registre public' }).click();
    await eventually(() => vote.getByTestId('receipt-verdict').textContent()).toMatch(/chaîne de \d+ entrées? intacte\. Votre vote «\s?contre\s?» est compté/);
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
    const page = await openPage(context, server, new URL(link).pathname + new URL(link).search);
    expect(await page.getByLabel('Code de réinitialisation').count()).toBe(0);
    await chooseNewPassword(page, password);
    await logIn(page, email, password);
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);
    await context.close();
  });

  it('verifies a new address with the mailed link, votes, deletes the account, and the vote stays in the tally', async () => {
    const context = await browser.newContext();
    const other = `e2e-link-${Date.now()}@example.org`;
    const page = await openPage(context, server, '/account');
    await signUpInPage(page, other, password);
    await eventually(() => latestMail(server.mailbox, other, /Votre code/)?.text ?? null).toMatch(/verify-email\?token=/);
    const link = /(https?:\/\/\S+\/api\/auth\/verify-email\?token=[A-Za-z0-9_%-]+)/.exec(latestMail(server.mailbox, other, /Votre code/)!.text)![1]!;
    // the server verifies, redirects to /?emailVerification=ok, and the client shows the account page
    await page.goto(link);
    await page.getByText('Adresse vérifiée par le lien reçu', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await logIn(page, other, password);
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
    await logIn(page, other, password);
    await page.getByRole('alert').waitFor();

    const after = await openPage(context, server, `/scrutins/${LIOT}`);
    await eventually(() => after.getByTestId('tally-total').textContent()).toBe(String(before + 1));
    await context.close();
  });

  it('raises the verification level with an SMS code read from the development provider’s log', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, server, '/account');
    await logIn(page, email, password);
    await eventually(() => page.getByTestId('me-level').textContent()).toBe('adresse vérifiée');
    const phone = `+336${String(Date.now()).slice(-8)}`;
    await page.getByLabel('Numéro de téléphone').fill(phone);
    await page.getByRole('button', { name: 'Recevoir un code par SMS' }).click();
    await page.getByLabel('Code reçu par SMS').waitFor();
    const sms = new RegExp(`SMS to \\${phone}: [^\\n]*?(\\d{6})`);
    await eventually(() => sms.exec(server.output())?.[1] ?? null).toMatch(/^\d{6}$/);
    await page.getByLabel('Code reçu par SMS').fill(sms.exec(server.output())![1]!);
    await page.getByRole('button', { name: 'Confirmer mon numéro' }).click();
    await eventually(() => page.getByTestId('me-level').textContent()).toBe('téléphone vérifié');
    await page.getByText('Téléphone vérifié.').waitFor();
    await context.close();
  });
});
