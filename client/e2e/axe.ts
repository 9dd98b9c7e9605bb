import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** axe-core, injected as a script (the page's context needs bypassCSP: script-src 'self'). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  testEngine: { name: string; version: string };
  passes: unknown[];
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
}

/** The serious and critical axe violations of the page as it is now. */
export async function axe(page: Page): Promise<AxeResult['violations']> {
  await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate(() => (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResult;
  // axe really judged the page: rules passed on it
  expect(result.testEngine.name).toBe('axe-core');
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
