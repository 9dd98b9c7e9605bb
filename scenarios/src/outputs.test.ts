import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioResultSchema } from '@parallele/core';
import { loadBundledData } from './data';
import { pngSize } from './render/png';
import { runScenarioFile, SCENARIOS_DIR } from './run';

const data = loadBundledData();

describe('scenario outputs', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'scenario-out-'));
  const out = await runScenarioFile(join(SCENARIOS_DIR, 'censure-retraites-2023.yaml'), { outDir, data, social: true });
  const dir = out.dir!;

  it('writes every chart as SVG, PNG and CSV, with result.json and both reports, and no temporary folder', async () => {
    const files = (await readdir(dir)).sort();
    for (const c of out.result.charts) expect(files).toEqual(expect.arrayContaining([`${c.name}.svg`, `${c.name}.png`, `${c.name}.csv`]));
    expect(files).toEqual(expect.arrayContaining(['result.json', 'report.md', 'report.html']));
    expect((await readdir(outDir)).filter((f) => f.startsWith('.'))).toEqual([]);
    const json = ScenarioResultSchema.parse(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')));
    expect(json.charts.map((c) => c.type)).toEqual(['k-curve', 'k-curve', 'phase', 'hemicycle', 'table']);
  });

  it('every PNG is a valid image of the size stated in result.json and in its SVG', async () => {
    for (const c of out.result.charts) {
      const png = await readFile(join(dir, c.files.png));
      expect(pngSize(png), c.name).toEqual({ width: c.width, height: c.height });
      const svg = await readFile(join(dir, c.files.svg), 'utf8');
      expect(svg.startsWith('<?xml')).toBe(true);
      expect(svg).toContain(`width="${c.width}"`);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(100);
    }
    expect(pngSize(new TextEncoder().encode('not a png at all, not at all'))).toBeNull();
    // and for social networks, at the exact sizes
    for (const c of out.result.charts) {
      for (const [w, h] of [[1200, 675], [1080, 1080], [1080, 1350]] as const) expect(pngSize(await readFile(join(dir, `${c.name}-${w}x${h}.png`))), `${c.name} ${w}×${h}`).toEqual({ width: w, height: h });
    }
  });

  it('the PNG has text drawn with the bundled font (the title is not blank)', async () => {
    const curve = out.charts.find((c) => c.chart.name === 'k-curve-liot')!;
    const blank = out.charts.find((c) => c.chart.name === 'k-curve-liot')!.svg.replace(/<text[\s\S]*?<\/text>/g, '');
    const { svgToPng } = await import('./render/png');
    // the same chart without any text compresses to fewer bytes: the glyphs were rasterised
    expect(curve.png.length).toBeGreaterThan(svgToPng(blank).length + 1000);
  });

  it('the HTML report opens offline: charts inlined, no external script, style, image or font', async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    // the only absolute URLs are the cited sources, as links (and the SVG namespace)
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    const hrefs = new Set([...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));
    for (const u of urls) expect(u === 'http://www.w3.org/2000/svg' || hrefs.has(u), u).toBe(true);
    expect((html.match(/<svg\b/g) ?? []).length).toBe(out.result.charts.length);
    expect(html).toContain('Elabe');
    expect(html).toContain('68 %');
  });

  it('the Markdown report gives the key figures, the charts and the sources', async () => {
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('![Motion LIOT (scrutin 1240) — voix pour et seuil selon K](k-curve-liot.svg)');
    expect(md).toMatch(/K\* VTANR5L16V1240 \(proportional, répartition du scénario\) \| 48 \|/);
    expect(md).toContain('https://harris-interactive.fr/');
    expect(md).toContain('*chiffre non vérifié à la source*');
  });

  it('the K-curve CSV holds one row per K with the simulator’s tally', async () => {
    const csv = (await readFile(join(dir, 'k-curve-liot.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('k,pour,contre,abstentions,required,margin,outcome');
    expect(csv).toHaveLength(1 + 101);
    // K = 0 is the official result; K = 48 is the tipping point with the 68/32 split
    expect(csv[1]).toBe('0,278,0,0,287,-9,rejeté');
    expect(csv[1 + 47]!.endsWith('rejeté')).toBe(true);
    expect(csv[1 + 48]!.endsWith('adopté')).toBe(true);
  });

  it('links each scrutin chart to the web client’s view in the same state', () => {
    const curve = out.result.charts.find((c) => c.name === 'k-curve-liot')!;
    expect(curve.interactiveUrl).toBe('/scrutins/VTANR5L16V1240?k=48&split=68%2C32%2C0&mode=proportional&method=largest-remainder');
  });
});
