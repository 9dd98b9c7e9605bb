/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or only those whose name contains an argument)
 * one after the other and prints their figures. Each bench file exports
 * `run(options): Promise<Record<string, string | number>>`. `--save <file>`: the bench writes its
 * figures there as JSON (those that support it: `scale`).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const saveAt = args.indexOf('--save');
const save = saveAt >= 0 ? args.splice(saveAt, 2)[1] : undefined;
if (saveAt >= 0 && !save) throw new Error('--save needs a file: npm run bench -- scale --save data/capacity/report.json');
const only = args;
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: (options: { save?: string }) => Promise<Record<string, string | number>> };
  const started = performance.now();
  const figures = await mod.run({ save });
  console.log(`\n## ${file.replace('.bench.ts', '')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
}
