import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, eventually, launchChromium, logIn, openPage, requireBuiltClient, requireChromium, shoot, signUpOverHttp, startServer, type TestServer } from './harness';

/**
 * Issue 13 end to end, in Chromium: the bundled agenda replayed as of 18 Nov 2025 (AS_OF), a
 * citizen sees the PLF 2026 vote solennel coming, votes before the deputies and subscribes to the
 * alerts (mail 1); the server stops, the scrutin arrives by the importer (a FIXTURE in the official
 * format, see server/src/modules/questions/fixtures/README.md), the server restarts on 25 Nov:
 * the result alert goes out (mail 2, and nothing twice), the scrutin page shows the frozen mandate
 * and the parallel result, and the record page lists it.
 */
const QUESTION = 'Q-RUANR5L17S2026IDS29952-DLR5L17N52428';
const FIXTURE = join(REPO, 'server/src/modules/questions/fixtures/VTANR5L17V3900-plf2026-fixture.json');
const email = `e2e-agenda-${Date.now()}@example.org`;
const password = 'un mot de passe assez long';

let server: TestServer;
let browser: Browser;

interface Mail {
  subject: string;
  text: string;
  headers?: Record<string, string>;
}
function alertMails(mailbox: string): Mail[] {
  if (!existsSync(mailbox)) return [];
  return readdirSync(mailbox)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readFileSync(join(mailbox, f), 'utf8'))
    .filter((raw) => raw.includes(email))
    .map((raw) => JSON.parse(raw) as Mail)
    .filter((m) => /ordre du jour/.test(m.subject));
}
const header = (m: Mail, name: string) => m.headers?.[name] ?? m.headers?.[name.toLowerCase()];

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer({ env: { AS_OF: '2025-11-18T12:00:00+01:00', PLATFORM_JOB_INTERVAL_S: '1' } });
  browser = await launchChromium();
  await signUpOverHttp(server, email, password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('voting before the deputies, in Chromium', () => {
  it('sees the PLF 2026 vote solennel coming, votes, gets the alerts, then the mandate and the parallel result', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(context, server, '/account');
    await logIn(page, email, password);
    await eventually(() => page.getByTestId('me-email').textContent()).toBe(email);

    // the home page: "À l'ordre du jour", labelled with the replayed date
    await page.goto(`${server.url}/`);
    const home = page.getByTestId('home-agenda');
    await eventually(() => home.getByTestId('agenda-as-of').textContent()).toMatch(/Ordre du jour au 18 novembre 2025/);
    await eventually(() => home.textContent()).toContain('Vote solennel sur le projet de loi de finances pour 2026');
    await shoot(page, 'agenda-home');

    // the agenda page: the question, the vote, the alerts
    await home.locator('[data-dossier="DLR5L17N52428"]').getByTestId('agenda-vote-link').click();
    const card = page.locator(`[data-question="${QUESTION}"]`);
    await card.waitFor();
    // the question's own words, not a scrutin's
    await eventually(() => card.textContent()).toContain('Votre vote avant les député·es');
    expect(await card.getByTestId('question-replay').count()).toBe(0);
    await card.getByTestId('vote-contre').click();
    await eventually(() => card.getByTestId('tally-contre').textContent()).toBe('1');
    // saved on the server first, then shown checked
    await card.getByTestId('alerts-solemn').click();
    await eventually(() => card.getByTestId('alerts-solemn').isChecked()).toBe(true);
    await eventually(() => alertMails(server.mailbox).length).toBe(1);
    const opened = alertMails(server.mailbox)[0]!;
    expect(opened.text).toContain('Nouveau : « Vote solennel sur le projet de loi de finances pour 2026 »');
    expect(header(opened, 'List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/alerts\/unsubscribe\?token=\d+\.[\w-]{43}>$/);
    expect(header(opened, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    await shoot(page, 'agenda-question');

    // the deputies vote; the scrutin comes in through the importer while the server is down
    await server.stop({ keepData: true });
    const imported = spawnSync(process.execPath, ['server/bin/run.mjs', 'import', '--from', FIXTURE, '--database', `file:${join(server.dataDir, 'e2e.db')}`, '--json'], { cwd: REPO, encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).scrutins.imported).toBe(1);
    server = await startServer({ dataDir: server.dataDir, env: { AS_OF: '2025-11-25T09:00:00+01:00', PLATFORM_JOB_INTERVAL_S: '1' } });

    // the result alert, once: the restart sent nothing twice
    await eventually(() => alertMails(server.mailbox).length).toBe(2);
    expect(alertMails(server.mailbox)[1]!.text).toMatch(/Résultat : « Vote solennel sur le projet de loi de finances pour 2026 »\. Les citoyen·nes avaient décidé 0\s%\spour, 100\s%\scontre/);

    // the scrutin page: what citizens had decided before, and the parallel result with it
    await page.goto(`${server.url}/scrutins/VTANR5L17V3900`);
    const mandate = page.getByTestId('scrutin-mandate');
    await eventually(() => mandate.textContent()).toMatch(/Les citoyen·nes avaient voté avant\s: 0\s%\spour \(1\svote, clos le 24 novembre 2025\)/);
    await expect(page.getByTestId('mandate-parallel').textContent()).resolves.toMatch(/Avec ce mandat, 10\sdéputé·es MaVoix\s: adopté/);
    await expect(page.getByTestId('mandate-link').textContent()).resolves.toMatch(/Lien établi par\s: le titre du scrutin/);
    await shoot(page, 'agenda-mandate');

    // the record page
    await page.goto(`${server.url}/bilan/17`);
    const row = page.getByTestId('record-table').first().locator(`[data-question="${QUESTION}"]`);
    await eventually(() => row.textContent()).toMatch(/adopté/);
    expect(alertMails(server.mailbox)).toHaveLength(2);
    await context.close();
  });

  it('on the bundled data without AS_OF, opens the questions of the snapshot’s agenda as a labelled replay', async () => {
    const fresh = await startServer({ env: { PLATFORM_JOB_INTERVAL_S: '1' } });
    try {
      const newcomer = `e2e-replay-${Date.now()}@example.org`;
      await signUpOverHttp(fresh, newcomer, password);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await openPage(context, fresh, '/account');
      await logIn(page, newcomer, password);
      await eventually(() => page.getByTestId('me-email').textContent()).toBe(newcomer);
      await page.goto(`${fresh.url}/agenda`);
      await eventually(() => page.getByTestId('agenda-as-of').first().textContent()).toMatch(/Ordre du jour au 18 novembre 2025/);
      const card = page.locator(`[data-question="${QUESTION}"]`);
      await card.waitFor();
      await eventually(() => card.getByTestId('question-replay').textContent()).toMatch(/Démonstration\s: ordre du jour du 18 novembre 2025 rejoué/);
      await card.getByTestId('vote-pour').click();
      await eventually(() => card.getByTestId('tally-pour').textContent()).toBe('1');
      await shoot(page, 'agenda-replay');
      await context.close();
    } finally {
      await fresh.stop();
    }
    // a fresh store: the first start imports the whole bundle (as the harness allows, up to 240 s)
  }, 400_000);
});
