import type { StorageRun, VoteRun } from '@parallele/core';
import { loadConfig } from '../../server/src/config';

/**
 * Parts (b) and (c) of the scale bench: 1 and 2 server processes on PostgreSQL (+ Redis). They
 * run only when this tree's server accepts a postgres:// DATABASE_URL; otherwise each says why.
 */
export async function postgresRuns(): Promise<{ postgres1: VoteRun; postgres2: VoteRun; storage: StorageRun }> {
  const reason = postgresUnavailable();
  return {
    postgres1: { available: false, store: 'postgres', processes: 1, reason },
    postgres2: { available: false, store: 'postgres', processes: 2, reason },
    storage: { available: false, store: 'postgres', reason },
  };
}

function postgresUnavailable(): string {
  try {
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://root@127.0.0.1:5432/postgres' }, 'bench', { citizens: false });
    return 'the server accepts a postgres:// DATABASE_URL but this bench does not drive it yet';
  } catch {
    return 'this server has no PostgreSQL store yet: its configuration refuses a postgres:// DATABASE_URL';
  }
}
