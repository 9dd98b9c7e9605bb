import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import type { SyncKind, SyncRunSummary } from '@parallele/core';
import { loadConfig } from '../config';
import { openStore } from '../db/client';
import { SyncService, syncSettingsFromConfig, type SyncProgress } from '../modules/sync';

/**
 * npm run scrape -- opendata --legislature 17 [--json]
 * npm run scrape -- pages --legislature 17 [--from 3877] [--json]
 *
 * Brings the store (DATABASE_URL) up to date with the Assemblée nationale. Progress bars on a
 * terminal, one line per item otherwise; `--json` prints the run summary on stdout (progress then
 * goes to stderr). Ctrl-C stops between two items: the store and the resume point stay consistent.
 * Exit code: 0 ok, 2 partial (something quarantined or failed), 1 failed.
 */

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive integer, got "${value}"`);
  return n;
};

interface CommonOptions {
  legislature: number;
  json?: boolean;
  database?: string;
  dataDir?: string;
  baseUrl?: string;
  interval?: number;
}

function reporter(json: boolean) {
  const out = json ? process.stderr : process.stdout;
  const tty = Boolean(out.isTTY) && !json;
  let bars = tty ? new cliProgress.MultiBar({ clearOnComplete: false, hideCursor: true, format: ' {bar} {percentage}% | {value}/{total} | {label}' }, cliProgress.Presets.shades_classic) : null;
  let bar: cliProgress.SingleBar | null = null;
  const line = (s: string) => (bars ? bars.log(`${s}\n`) : out.write(`${s}\n`));
  return {
    progress(e: SyncProgress) {
      if (e.type === 'phase') {
        bar?.stop();
        bar = bars && e.total ? bars.create(e.total, 0, { label: e.label }) : null;
        if (!bar) line(`… ${e.label}`);
      } else if (e.type === 'tick') {
        if (bar) bar.update(e.done, { label: e.label });
      } else {
        line(`${e.key}: ${e.status}${e.detail ? ` (${e.detail})` : ''}`);
      }
    },
    // After stop, lines go straight out (the bars' log buffer is no longer flushed).
    stop: () => {
      bars?.stop();
      bars = null;
    },
    line,
  };
}

function printSummary(s: SyncRunSummary, json: boolean, line: (s: string) => void) {
  if (json) {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return;
  }
  const c = (x: { inserted: number; updated: number; unchanged: number }) => `${x.inserted} new, ${x.updated} changed, ${x.unchanged} unchanged`;
  line(`\n${s.kind} sync of L${s.legislature}: ${s.status}`);
  for (const a of s.archives) line(`  ${a.name}: ${a.status}${a.rawPath ? ` → ${a.rawPath}` : ''}${a.imported ? ', imported' : ''}`);
  if (s.kind === 'pages') line(`  after n°${s.resumedFrom ?? 0}: ${s.discovered.length} new scrutin(s) listed, now at n°${s.lastNumero ?? 0}`);
  line(`  scrutins: ${c(s.scrutins)}`);
  if (s.kind === 'opendata') line(`  deputies: ${c(s.deputies)}; organes: ${c(s.groups)}`);
  if (s.unmatched.length) {
    line(`  ${s.unmatched.length} name(s) not matched to an acteur:`);
    for (const u of s.unmatched.slice(0, 20)) line(`    ${u.scrutinUid} ${u.name} (${u.group}, ${u.position}): ${u.reason}`);
  }
  for (const q of s.quarantined) line(`  quarantined ${q.source} → ${q.path}: ${q.error}`);
  for (const e of s.errors) line(`  error: ${e}`);
}

async function run(kind: SyncKind, o: CommonOptions & { from?: number }) {
  const config = loadConfig({
    ...process.env,
    ...(o.database ? { DATABASE_URL: o.database } : {}),
    ...(o.dataDir ? { DATA_DIR: o.dataDir } : {}),
    ...(o.baseUrl ? { [kind === 'opendata' ? 'AN_OPENDATA_BASE_URL' : 'AN_SITE_BASE_URL']: o.baseUrl } : {}),
    ...(o.interval !== undefined ? { SCRAPER_MIN_INTERVAL_MS: String(o.interval) } : {}),
  }, undefined, { citizens: false });
  const db = await openStore(config.DATABASE_URL);
  const r = reporter(Boolean(o.json));
  const abort = new AbortController();
  const onSigint = () => {
    r.line('Interrupted: finishing the current item, then stopping (Ctrl-C again to quit now).');
    process.off('SIGINT', onSigint);
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const service = new SyncService(db, syncSettingsFromConfig(config));
    const summary = await service.run(kind, { legislature: o.legislature, from: o.from, progress: r.progress, signal: abort.signal });
    r.stop();
    printSummary(summary, Boolean(o.json), r.line);
    process.exitCode = summary.status === 'ok' ? 0 : summary.status === 'partial' ? 2 : 1;
  } finally {
    process.off('SIGINT', onSigint);
    await db.close();
  }
}

const program = new Command('scrape').description("Bring the store up to date with the Assemblée nationale (open data and web pages)");
const common = (cmd: Command) =>
  cmd
    .requiredOption('-l, --legislature <n>', 'legislature number, e.g. 17', positiveInt('--legislature'))
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--database <url>', 'store (default: DATABASE_URL or data/parallele.db)')
    .option('--data-dir <dir>', 'where raw downloads and quarantined items go (default: DATA_DIR or data/)')
    .option('--interval <ms>', 'minimum ms between two requests to a host (default 1000)', (v) => Number(v));

common(program.command('opendata').description('download the official archives (scrutins, AMO10 deputies and organes) and import what changed'))
  .option('--base-url <url>', 'open-data repository (default: AN_OPENDATA_BASE_URL, the AN portal)')
  .action((o: CommonOptions) => run('opendata', o));

common(program.command('pages').description('scrape the scrutin pages newer than the last open-data export'))
  .option('--from <numero>', 're-scrape from this numero (inclusive) instead of the resume point', positiveInt('--from'))
  .option('--base-url <url>', 'AN web site (default: AN_SITE_BASE_URL)')
  .action((o: CommonOptions & { from?: number }) => run('pages', o));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
