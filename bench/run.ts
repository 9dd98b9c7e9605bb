/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or only those whose name contains an argument)
 * one after the other and prints their figures. Each bench file exports
 * `run(): Promise<Record<string, string | number>>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<Record<string, string | number>> };
  const started = performance.now();
  const figures = await mod.run();
  console.log(`\n## ${file.replace('.bench.ts', '')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
}
