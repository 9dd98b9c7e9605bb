import { Command } from 'commander';
import { EmailSchema, PasswordSchema } from '@parallele/core';
import { loadConfig } from '../config';
import { openStore } from '../db/client';
import { createLogger } from '../logger';
import { buildAppDeps } from '../boot';

/**
 * `npm run admin -- create --email admin@example.org [--password …]`: creates an administrator
 * (email already verified) or promotes an existing account. Without --password (or
 * ADMIN_PASSWORD) a new account gets a random password, printed once.
 */
const program = new Command().name('admin').description('Manage administrators of the citizens platform').showHelpAfterError();

program
  .command('create')
  .description('create an administrator, or promote an existing account')
  .requiredOption('--email <email>', 'the administrator address')
  .option('--password <password>', 'the password (default: ADMIN_PASSWORD, else a generated one for a new account)')
  .action(async (opts: { email: string; password?: string }) => {
    const email = EmailSchema.safeParse(opts.email);
    if (!email.success) throw new Error(`--email: ${email.error.issues[0]?.message}`);
    const given = opts.password ?? process.env.ADMIN_PASSWORD;
    if (given !== undefined && !PasswordSchema.safeParse(given).success) throw new Error('--password: 10 to 200 characters');
    const config = loadConfig(process.env);
    const logger = createLogger({ ...config, logLevel: 'warn' });
    const db = await openStore(config.DATABASE_URL);
    try {
      const citizens = buildAppDeps({ config: { ...config, DETECTOR_INTERVAL_S: 0 }, logger, db });
      const result = await citizens.accounts.createAdmin(email.data, given ?? null);
      if (result.generatedPassword) console.log(`Generated password (shown once): ${result.generatedPassword}`);
      console.log(`${result.created ? 'Created' : 'Promoted'} administrator ${result.me.email} (voter id ${result.me.voterId})`);
      await citizens.close();
    } finally {
      await db.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
