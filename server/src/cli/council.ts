/**
 * `npm run council -- import --file council.yaml [--deliberations d.csv] [--json] [--database URL]`
 * (issue 15 §4): validates a council file (every bad field named) and writes it into the store.
 * Exit code 0 when imported, 1 when the file has problems (nothing written), 2 on a usage error.
 */
import { Command } from 'commander';
import { loadConfig } from '../config';
import { openStore } from '../db/client';
import { CouncilFileError, importCouncil, readCouncilFiles } from '../modules/councils';

const program = new Command().name('npm run council --').description('Local councils: import a council and its deliberations into the store');
program
  .command('import')
  .requiredOption('--file <path>', 'council file (.yaml, .yml or .json)')
  .option('--deliberations <csv>', 'deliberations CSV (id,date,title,group,pour,contre,abstentions[,outcome])')
  .option('--json', 'print the summary as JSON', false)
  .option('--database <url>', 'store (file:…, a path or postgres://…); default: DATABASE_URL, else data/parallele.db')
  .action(async (o: { file: string; deliberations?: string; json: boolean; database?: string }) => {
    try {
      const file = await readCouncilFiles(o.file, o.deliberations);
      const db = await openStore(o.database ?? loadConfig(process.env, undefined, { citizens: false }).DATABASE_URL);
      try {
        const s = await importCouncil(db, file);
        process.stdout.write(
          o.json
            ? `${JSON.stringify(s, null, 2)}\n`
            : `Council ${s.council}${s.fictional ? ' (exemple fictif)' : ''}: ${s.deliberations.imported} deliberations imported, ${s.deliberations.updated} updated, ${s.deliberations.unchanged} unchanged\n${s.uids.map((u) => `  ${u}`).join('\n')}\n`,
        );
      } finally {
        await db.close();
      }
    } catch (e) {
      if (e instanceof CouncilFileError) {
        process.stderr.write(`${e.message}\nNothing was written.\n`);
        process.exit(1);
      }
      throw e;
    }
  });
program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`council failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
