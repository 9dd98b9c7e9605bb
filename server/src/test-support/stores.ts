import { afterAll, describe } from 'vitest';
import { openStore } from '../db/client';
import type { Db, Dialect } from '../db/types';
import { pgDatabases } from './pg-databases';

/** The store a parametrised suite runs on: `open()` gives a fresh, migrated, empty store. */
export interface StoreUnderTest {
  dialect: Dialect;
  open(): Promise<Db>;
}

/**
 * Runs the suite `fn` once per engine, SQLite (`:memory:`) then PostgreSQL (a fresh database per
 * `open()`, see pg-databases.ts), under `name (sqlite)` / `name (postgres)`. One suite, two
 * engines: a repository's assertions are written once and must hold on both. A PostgreSQL that
 * cannot be reached fails the tests with the command that starts it (never a skip).
 */
export function describeEachStore(name: string, fn: (store: StoreUnderTest) => void): void {
  describe(`${name} (sqlite)`, () => fn({ dialect: 'sqlite', open: () => openStore(':memory:') }));
  describe(`${name} (postgres)`, () => {
    const databases = pgDatabases();
    afterAll(() => databases.dropAll());
    fn({ dialect: 'postgres', open: () => databases.open() });
  });
}
