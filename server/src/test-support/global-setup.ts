import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabase, templateDatabaseName, testDatabaseUrl } from './store';

/**
 * Server tests' global setup: one temp directory per test run, where the first test that needs the
 * bundled data imports it ONCE into a template store (see bundled-store.ts); every other test
 * copies that file. Removed at the end of the run.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-tests-'));
  project.provide('bundledStoreDir', dir);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    // on PostgreSQL (TEST_DATABASE_URL) the template is a database of its own
    if (testDatabaseUrl()) await dropDatabase(templateDatabaseName(dir));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    bundledStoreDir: string;
  }
}
