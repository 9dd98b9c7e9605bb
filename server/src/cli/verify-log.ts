import { Command } from 'commander';
import { loadConfig } from '../config';
import { verifyPublished, verifyStore, type ScrutinCheck } from '../modules/votes';

/**
 * `npm run verify-log`: checks the hash-chained vote logs and recomputes the tallies.
 *
 *   npm run verify-log                                   # every scrutin of the store (DATABASE_URL)
 *   npm run verify-log -- --scrutin VTANR5L17V519 --receipt <hash>
 *   npm run verify-log -- --from https://host/api/scrutins/VTANR5L17V519/log --receipt <hash>
 *   npm run verify-log -- --from saved-log.json --json
 *
 * Exit code 0 when every chain verifies (and every receipt is found), 1 otherwise, 2 on bad usage.
 */
const program = new Command()
  .name('verify-log')
  .description('Verify the hash-chained citizens vote logs and recompute their tallies')
  .option('--db <url>', 'the store: a SQLite file (file: URL or path) or postgres://…; default DATABASE_URL or data/parallele.db')
  .option('--scrutin <uid>', 'only this scrutin (store mode)')
  .option('--from <urlOrFile>', 'a published log: the URL of GET /api/scrutins/:uid/log or a saved JSON file')
  .option('--receipt <hash...>', 'receipts (entry hashes) to look for')
  .option('--json', 'print a JSON report')
  .showHelpAfterError();

function print(checks: ScrutinCheck[], json: boolean) {
  if (json) {
    console.log(JSON.stringify({ ok: checks.every((c) => c.ok && c.receipts.every((r) => r.found)), scrutins: checks }, null, 2));
    return;
  }
  for (const c of checks) {
    const t = c.tally;
    console.log(`${c.ok ? 'OK  ' : 'FAIL'} ${c.scrutinUid}: ${c.length} entries, head ${c.head.slice(0, 16)}…, pour ${t.pour} · contre ${t.contre} · abstention ${t.abstention} (${t.total} voters)`);
    for (const p of c.problems) console.log(`     ${p.seq === null ? '' : `seq ${p.seq}: `}${p.message}`);
    for (const r of c.receipts) console.log(`     receipt ${r.receipt.slice(0, 16)}…: ${r.found ? (r.superseded ? 'found (changed later by the voter)' : 'found, current vote') : 'NOT FOUND'}`);
  }
  if (checks.length === 0) console.log('No citizen vote in this store yet.');
}

async function main() {
  program.parse();
  const opts = program.opts<{ db?: string; scrutin?: string; from?: string; receipt?: string[]; json?: boolean }>();
  const receipts = opts.receipt ?? [];
  if (receipts.some((r) => !/^[0-9a-f]{64}$/.test(r))) {
    console.error('--receipt: 64 lower-case hex digits');
    process.exit(2);
  }
  let checks: ScrutinCheck[];
  if (opts.from) checks = [await verifyPublished(opts.from, receipts)];
  else {
    const config = loadConfig({ ...process.env, ...(opts.db ? { DATABASE_URL: opts.db } : {}) }, undefined, { citizens: false });
    checks = await verifyStore(config.DATABASE_URL, { scrutinUid: opts.scrutin, receipts });
  }
  print(checks, Boolean(opts.json));
  const ok = checks.every((c) => c.ok) && checks.every((c) => c.receipts.every((r) => r.found));
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
