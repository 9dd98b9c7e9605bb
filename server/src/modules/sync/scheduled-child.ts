import type { SyncKind, SyncRunSummary } from '@parallele/core';
import { loadConfig } from '../../config';
import { openStore } from '../../db/client';
import { createLogger } from '../../logger';
import { SyncService, syncSettingsFromConfig } from './service';

/**
 * The scheduled sync's own process (see isolated-run.ts): `scheduled-child.ts <kind> <legislature>`
 * with the server's environment. It opens its own connection to the store, runs one sync and
 * hands the summary to the parent over IPC. Whatever it reads, only this process can die of it.
 */
const [kind, legislature] = [process.argv[2] as SyncKind, Number(process.argv[3])];
// Not the citizens' side: the production-only requirements (SECRET_KEY, SMTP_URL) are the server's.
const config = loadConfig(process.env, '0.0.0.0', { citizens: false });
const logger = createLogger(config).child({ module: 'sync', process: 'scheduled-child' });
const db = await openStore(config.DATABASE_URL);
try {
  const service = new SyncService(db, { ...syncSettingsFromConfig(config), isolate: null }, () => new Date(), logger);
  const summary: SyncRunSummary = await service.run(kind, { legislature, trigger: 'schedule' });
  await new Promise<void>((resolve) => (process.send ? process.send({ summary }, () => resolve()) : resolve()));
} finally {
  await db.close();
}
