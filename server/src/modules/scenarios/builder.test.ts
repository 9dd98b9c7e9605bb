import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScenarioBuilderResponseSchema, type ScenarioBuilderResponse } from '@parallele/core';
import { loadBundledData, runScenarioFile } from '@parallele/scenarios';
import { createTestApi, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';
import { announcedWaits } from '../../test-support/retry-after';

let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await createTestApi({ empty: true });
  dir = mkdtempSync(join(tmpdir(), 'builder-'));
});
afterAll(() => {
  api?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function build(query: string): Promise<ScenarioBuilderResponse> {
  const res = await api.get(`/api/scenario-builder?${query}`);
  expect(res.status, res.text).toBe(200);
  return ScenarioBuilderResponseSchema.parse(res.body);
}

describe('GET /api/scenario-builder', () => {
  it('writes a scenario file that the CLI runs to the same key figures and rows', async () => {
    const built = await build('leg=17&final=1&from=2025-01-01&to=2025-06-30&k=1-30&w=60,40,0&mode=proportional,added&title=Lois%20du%20premier%20semestre%202025');
    expect(built.name).toBe('lois-du-premier-semestre-2025');
    expect(built.yaml).toContain('finalLawVote: true');
    const file = join(dir, `${built.name}.yaml`);
    writeFileSync(file, built.yaml);
    const cli = await runScenarioFile(file, { data: loadBundledData(), write: false });
    expect(built.keyFigures).toEqual(cli.result.keyFigures);
    expect(built.scrutinCount).toBe(cli.result.scrutinCount);
    expect(built.rows).toEqual(cli.result.rows.slice(0, built.rows.length));
    expect(built.rows.map((r) => r.uid)).not.toContain('VTANR5L17V1018');
    expect(built.charts.map((c) => c.type)).toEqual(['k-curve', 'leverage', 'table']);
    expect(built.charts[0]!.svg).toMatch(/^<svg/);
  });

  it('takes a hand-picked list and a cited poll figure', async () => {
    const poll = new URLSearchParams({
      uids: 'VTANR5L16V1240,VTANR5L17V519',
      k: '25',
      split: 'poll',
      w: '68,32,0',
      pollster: 'Ifop',
      pollDate: '2023-03-17',
      pollQuestion: 'Souhaitez-vous que la motion de censure soit adoptée ?',
      pollFigure: '68 % oui',
      pollUrl: 'https://www.ifop.com/',
    });
    const built = await build(poll.toString());
    expect(built.rows.map((r) => r.uid)).toEqual(['VTANR5L16V1240', 'VTANR5L17V519']);
    expect(built.yaml).toContain('pollster: Ifop');
    expect(built.rows[0]!.modes.proportional!.split).toEqual([68, 32, 0]);
  });

  it('names the bad parameter: a K out of range, a poll without its source, uids with filters, an unknown uid', async () => {
    expectProblem(await api.get('/api/scenario-builder?k=1-900'), 400, 'k');
    expectProblem(await api.get('/api/scenario-builder?split=poll&w=60,40'), 400, 'pollster');
    expectProblem(await api.get('/api/scenario-builder?uids=VTANR5L17V1&leg=17'), 400, 'uids');
    expectProblem(await api.get('/api/scenario-builder?uids=VTANR5L17V99999'), 400, 'scrutins.uids[0]');
    expectProblem(await api.get('/api/scenario-builder?leg=17&q=zzzzqqq'), 400, 'scrutins');
    expectProblem(await api.get('/api/scenario-builder?evil=1'), 400, 'evil');
  });

  it('draws the charts in the page’s language (lang=en), the scenario file and the figures unchanged', async () => {
    const query = 'uids=VTANR5L17V519,VTANR5L17V693&k=1-20&w=60,40,0';
    const [fr, en] = [await build(query), await build(`${query}&lang=en`)];
    expect(en.yaml).toBe(fr.yaml);
    expect(en.keyFigures).toEqual(fr.keyFigures);
    expect(en.charts.map((c) => c.title)).toEqual(expect.arrayContaining(['Results with K = 20']));
    expect(fr.charts.map((c) => c.title)).toEqual(expect.arrayContaining(['Résultats avec K = 20']));
    expect(en.charts[0]!.svg).toContain('K (MaVoix deputies)');
    expect(en.charts[0]!.context.lines.join(' ')).toMatch(/vote no\. 519 .*their vote: 60% for, 40% against/);
    expect(fr.charts[0]!.svg).toContain('K (députés MaVoix)');
    expectProblem(await api.get(`/api/scenario-builder?${query}&lang=de`), 400, 'lang');
  });

  it('answers a flood with 429s announcing what is left of its minute', async () => {
    // its own app: a fresh window, whatever the tests above asked
    const own = await createTestApi({ empty: true });
    try {
      const [first, later] = await announcedWaits(() => own.get('/api/scenario-builder?uids=VTANR5L17V519&k=7'), 60);
      expect(first).toBeLessThanOrEqual(60);
      expect(later).toBeLessThanOrEqual(first - 20);
      expect(later).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
      own.cleanup();
    }
  });
});

