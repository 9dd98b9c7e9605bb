import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CapacityReportSchema } from '@parallele/core';
import { REPO, eventually, launchChromium, openPage, requireBuiltClient, requireChromium, shoot, startServer, type TestServer } from './harness';
import { axe } from './axe';

/**
 * Issue 14 end to end: the "Coûts et capacité" page, reached from the footer, shows the figures of
 * the committed capacity report (a real `npm run bench -- scale --save` run, the default
 * CAPACITY_FILE), the store's load and the cost per 1,000 voters, in French then English, with no
 * serious or critical axe violation in either.
 */
const REPORT = CapacityReportSchema.parse(JSON.parse(readFileSync(join(REPO, 'data/capacity/scale-report.json'), 'utf8')));
const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  requireChromium();
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Coûts et capacité, in Chromium', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`shows the measured capacity, the load and the cost from the footer (${lang}), with no serious axe violation`, async () => {
      // axe is injected as a script: the site's CSP (script-src 'self') would refuse it
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await context.addInitScript((l) => localStorage.setItem('parallele.lang', l), lang);
      const page = await openPage(context, server, '/');
      await page.getByRole('contentinfo').getByRole('link', { name: lang === 'fr' ? 'Coûts et capacité' : 'Costs and capacity' }).click();
      await page.waitForURL(/\/couts-et-capacite$/);
      const figures = page.getByTestId('capacity-figures');
      await figures.waitFor();
      // the sockets one process held, as the saved report says
      expect(digits(await figures.locator('dd').nth(1).textContent())).toBe(String(REPORT.sockets.connected));
      await eventually(() => page.locator('[data-run="sqlite1"]').textContent()).toContain(new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format((REPORT.votes.sqlite1 as { votesPerSecond: number }).votesPerSecond));
      expect(await page.getByTestId('capacity-cost').textContent()).toMatch(/€/);
      expect(await page.getByTestId('capacity-prices').textContent()).toContain(lang === 'fr' ? 'par vCPU et par mois' : 'per vCPU-month');
      expect(await page.title()).toContain(lang === 'fr' ? 'Coûts et capacité' : 'Costs and capacity');
      await shoot(page, `capacity-${lang}`);
      const found = (await axe(page)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(found).toEqual([]);
      await context.close();
    });
  }
});
