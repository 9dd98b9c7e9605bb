/**
 * `npm run import -- --from PATH [--from PATH…] [--strict] [--json] [--database URL]`
 *
 * PATH: a .ndjson.gz bundle, a folder (searched recursively), a .json file or an official AN zip
 * archive. The store is DATABASE_URL (default data/parallele.db) unless --database is given.
 * Exit code: 0 when every record imported, 1 when any error was reported (with --strict nothing
 * was written), 2 on a usage or configuration error.
 */
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config';
import { openStore } from '../db/client';
import { importOfficialData, type ImportSummary } from '../import/import-service';

interface CliOptions {
  from: string[];
  strict: boolean;
  json: boolean;
  database?: string;
}

const program = new Command()
  .name('npm run import --')
  .description('Import Assemblée nationale open data (scrutins, acteurs, organes, agenda) into the store.')
  .requiredOption('--from <path...>', 'a .ndjson.gz bundle, a folder, a .json file or an AN zip archive (repeatable)')
  .option('--strict', 'fail on the first bad record and leave the store unchanged', false)
  .option('--json', 'print the summary as JSON (no progress bar)', false)
  .option('--database <url>', 'store (file:…, a path or postgres://…); default: DATABASE_URL, else data/parallele.db', (v) => {
    if (v.trim() === '') throw new InvalidArgumentError('expected a file: or postgres:// URL, or a path');
    return v;
  })
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const options = program.opts<CliOptions>();

async function main(): Promise<number> {
  let url: string;
  try {
    url = options.database ?? loadConfig(process.env, undefined, { citizens: false }).DATABASE_URL;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const db = await openStore(url);
  const bar =
    process.stdout.isTTY && !options.json
      ? new cliProgress.SingleBar(
          { format: ' {spinner} {value} documents read · {errors} errors · {location}', hideCursor: true, clearOnComplete: true, fps: 10 },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  bar?.start(0, 0, { spinner: spinner[0], errors: 0, location: '' });
  try {
    const summary = await importOfficialData(db, options.from, {
      strict: options.strict,
      onProgress: bar
        ? (p) => {
            if (p.read % 25 === 0) bar.update(p.read, { spinner: spinner[(p.read / 25) % spinner.length], errors: p.errors, location: shorten(p.location) });
          }
        : undefined,
    });
    bar?.stop();
    process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : render(summary, db.path));
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await db.close();
  }
}

function shorten(location: string): string {
  return location.length > 60 ? `…${location.slice(-59)}` : location;
}

function render(s: ImportSummary, store: string): string {
  const row = (label: string, k: ImportSummary['scrutins']) =>
    `  ${label.padEnd(10)} ${String(k.imported).padStart(8)} ${String(k.updated).padStart(8)} ${String(k.unchanged).padStart(10)} ${String(k.errors).padStart(7)}`;
  const lines = [
    `Import from ${s.source.join(', ')} into ${store}${s.strict ? ' (strict)' : ''}`,
    `  ${''.padEnd(10)} ${'imported'.padStart(8)} ${'updated'.padStart(8)} ${'unchanged'.padStart(10)} ${'errors'.padStart(7)}`,
    row('scrutins', s.scrutins),
    row('deputies', s.deputies),
    row('groups', s.groups),
    row('séances', s.agenda),
    `  ${s.read} documents read, ${s.duplicates} duplicates and ${s.skipped} other documents skipped, ${s.sourceErrors} unreadable, ${s.rows} rows written in ${(s.durationMs / 1000).toFixed(1)} s`,
  ];
  if (s.warnings.length > 0) {
    lines.push('', `${s.warnings.length} data-quality warning(s) (imported as published):`);
    for (const w of s.warnings.slice(0, 50)) lines.push(`  - ${w.location}: ${w.message}`);
    if (s.warnings.length > 50) lines.push(`  … and ${s.warnings.length - 50} more (use --json for the full list)`);
  }
  if (s.conflicts.length > 0) {
    lines.push('', `${s.conflicts.length} conflicting duplicate(s) across files (the last one read wins):`);
    for (const c of s.conflicts.slice(0, 20)) lines.push(`  - ${c.message}`);
  }
  if (s.errors.length > 0) {
    lines.push('', `${s.errors.length} error(s):`);
    for (const e of s.errors.slice(0, 50)) lines.push(`  - ${e.message}`);
    if (s.errors.length > 50) lines.push(`  … and ${s.errors.length - 50} more (use --json for the full list)`);
    const good = [s.scrutins, s.deputies, s.groups, s.agenda].reduce((n, k) => n + k.imported + k.updated + k.unchanged, 0);
    lines.push(
      s.strict
        ? 'Strict mode: nothing was written, the store is unchanged.'
        : good === 0
          ? 'No record could be read: nothing was imported.'
          : 'The records above were skipped; everything else was imported.',
    );
  }
  return `${lines.join('\n')}\n`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
