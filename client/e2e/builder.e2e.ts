import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ScenarioResultSchema } from '@parallele/core';
import { eventually, launchChromium, openPage, requireBuiltClient, requireChromium, REPO, SCREENSHOTS, shoot, startServer, type TestServer } from './harness';

/**
 * The scenario builder (issue 17 §2) in Chromium: a "what if" built with the form, saved as a
 * scenario file, and that file run by the command line (`npm run scenario -- file.yaml`) to the
 * figures the page shows. Then the legislature page's flippable list, as CSV and in the builder.
 */
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let dir: string;

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  dir = mkdtempSync(join(tmpdir(), 'builder-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page's key figures by id, read back from the French formatting (narrow spaces, decimal comma). */
async function pageFigures(page: Page): Promise<Record<string, number | null>> {
  const rows = await page.locator('[data-testid="builder-figures"] > div').evaluateAll((els) => els.map((el) => [el.getAttribute('data-figure') ?? '', el.querySelector('dd')?.textContent ?? '']));
  return Object.fromEntries(rows.map(([id, text]) => [id, text === '—' ? null : Number(text!.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))]));
}

const status = (page: Page) => page.getByTestId('builder-status').textContent();

async function fill(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.blur();
}

describe('the scenario builder in Chromium', () => {
  it('builds a scenario whose saved file the CLI runs to the same figures as the page', async () => {
    const page = await openPage(context, server, '/scenarios');
    await page.getByTestId('open-builder').click();
    await page.getByRole('heading', { name: 'Construire un scénario « et si… ? »' }).waitFor();
    // the defaults: final votes on a law of the 17th legislature, K from 1 to 20, 50/50
    await eventually(() => status(page)).toMatch(/scrutins, calculés en/);
    expect(await page.getByTestId('builder-final').isChecked()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'builder-form.png') });

    await fill(page, 'builder-from', '2025-01-01');
    await fill(page, 'builder-to', '2025-06-30');
    await fill(page, 'builder-k-to', '30');
    await fill(page, 'builder-w-pour', '60');
    await fill(page, 'builder-w-contre', '40');
    await page.getByLabel('personne (sièges ajoutés)').click(); // the box mirrors the URL: checked once it updates
    await eventually(() => page.getByLabel('personne (sièges ajoutés)').isChecked()).toBe(true);
    await fill(page, 'builder-title', 'Lois votées au premier semestre 2025');
    await eventually(() => page.url()).toContain('title=Lois');
    await eventually(() => page.url()).toContain('mode=proportional%2Cadded');
    await eventually(() => page.locator('[data-figure="flipped:added:30"]').count()).toBe(1);
    await eventually(() => page.locator('[aria-busy="true"]').count()).toBe(0);

    // the TikTok inquiry (a resolution, 13 March 2025) is not a final vote on a law; the Dreyfus law (an article unique) is
    const uids = await page.locator('[data-testid="builder-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-uid')));
    expect(uids).not.toContain('VTANR5L17V1018');
    expect(uids).toContain('VTANR5L17V2207');
    const figures = await pageFigures(page);
    expect(figures.scrutins).toBe(uids.length);
    await page.getByTestId('builder-chart-k-curve').locator('svg').waitFor();
    await page.getByTestId('builder-chart-leverage').locator('svg').waitFor();
    await shoot(page, 'builder');
    // the page must not scroll sideways: wide tables scroll in their own box
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: join(SCREENSHOTS, 'builder-top.png') });
    await page.getByTestId('builder-chart-k-curve').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'builder-charts.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('builder-download-yaml').click()]);
    expect(download.suggestedFilename()).toBe('lois-votees-au-premier-semestre-2025.yaml');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toMatch(/finalLawVote: true/);

    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'scenario', '--', file, '--json', '--out', join(dir, 'out')], { cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
    const cli = ScenarioResultSchema.parse(JSON.parse(stdout.slice(stdout.indexOf('{'))));
    expect(cli.scrutinCount).toBe(figures.scrutins);
    expect(Object.fromEntries(cli.keyFigures.map((k) => [k.id, k.value]))).toEqual(figures);
    expect(cli.rows.map((r) => r.uid)).toEqual(uids);

    // the permalink opens the same scenario
    const permalink = await page.getByLabel('Lien permanent vers ce scénario').inputValue();
    const again = await context.newPage();
    await again.goto(permalink);
    await eventually(() => again.locator('[data-figure="flipped:added:30"]').count()).toBe(1);
    expect(await pageFigures(again)).toEqual(figures);
    await again.close();
    await page.close();
  });

  it('opens the legislature page’s flippable votes in the builder and exports them as CSV', async () => {
    const page = await openPage(context, server, '/legislature/17?k=3');
    const count = page.getByTestId('flippable-count');
    await eventually(() => count.textContent()).toMatch(/\d+/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('flippable-csv').click()]);
    expect(csv.suggestedFilename()).toBe('basculables-L17-k3-proportional.csv');
    const lines = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('uid,numero,date,type,titre,outcome,k_star');
    const listed = lines.slice(1).map((l) => l.split(',')[0]);
    expect(listed.length).toBeGreaterThan(0);

    await page.getByTestId('flippable-open-builder').click();
    await page.getByRole('heading', { name: 'Construire un scénario « et si… ? »' }).waitFor();
    await eventually(() => page.locator('[data-testid="builder-table"] tbody tr').count()).toBe(Math.min(listed.length, 200));
    const figures = await pageFigures(page);
    expect(figures.scrutins).toBe(listed.length);
    // best case at K = 3: every one of them flips (K* ≤ 3 is what the list means)
    expect(figures['flipped:proportional:3']).toBe(listed.length);
    await shoot(page, 'builder-from-legislature');
    // in English too
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Build a “what if” scenario' }).waitFor();
    await eventually(() => status(page)).toMatch(/votes, computed in/);
    await page.screenshot({ path: join(SCREENSHOTS, 'builder-en.png') });
    await page.getByRole('button', { name: /Français/ }).click();
    await page.close();
  });

  it('filters the scrutins list to the final votes on a law', async () => {
    // 13 March 2025: the TikTok inquiry resolution and a law on water and sanitation, both "l'ensemble de la proposition…"
    const page = await openPage(context, server, '/scrutins?legislature=17&q=ensemble&dateFrom=2025-03-13&dateTo=2025-03-13');
    const links = () => page.locator('.scrutin-item a.title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await eventually(links).toEqual(expect.arrayContaining(['/scrutins/VTANR5L17V1018', '/scrutins/VTANR5L17V997']));
    // the box mirrors the URL, which updates after the click: click, then wait for both
    await page.getByTestId('filter-final-law-vote').click();
    await eventually(() => page.url()).toContain('finalLawVote=true');
    await eventually(() => page.getByTestId('filter-final-law-vote').isChecked()).toBe(true);
    await eventually(links).toEqual(['/scrutins/VTANR5L17V997']);
    await shoot(page, 'scrutins-final-law-votes');
    await page.close();
  });
});
