import type { Db } from './types';

/** The PostgreSQL store (Drizzle node-postgres): being built on branch g14-pg. */
export async function openPostgres(url: string): Promise<Db> {
  throw new Error(`PostgreSQL store not built yet (${url.replace(/:[^:@/]*@/, ':***@')})`);
}
