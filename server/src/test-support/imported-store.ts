import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { createApp } from '../app';
import { REPO_ROOT, testConfig } from '../config';
import type { Db } from '../db/client';
import { buildAppDeps } from '../boot';
import type { AppDeps } from '../deps';
import { openBundledStore } from './bundled-store';
import { openTestStore } from './store';
import { silentLogger } from '../logger';

/**
 * Test support: a real store (SQLite in a temp dir, or PostgreSQL: see store.ts), filled by the real importer with the bundled
 * open data (see bundled-store.ts), and the real express app on it (supertest, no port needed).
 */
export interface TestApi {
  db: Db;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  get: (url: string) => request.Test;
  cleanup: () => Promise<void>;
}

/** `now`: the clock the services read (tests that move time pass theirs). */
export async function createTestApi(options: { empty?: boolean; now?: () => Date } = {}): Promise<TestApi> {
  let db: Db;
  let cleanup: () => Promise<void>;
  if (options.empty) {
    const dir = mkdtempSync(join(tmpdir(), 'parallele-api-'));
    const store = await openTestStore(join(dir, 'test.db'));
    db = store.db;
    cleanup = async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    ({ db, cleanup } = await openBundledStore());
  }
  const deps = buildAppDeps({ config: testConfig(), logger: silentLogger(), db, now: options.now });
  const app = createApp(deps);
  return {
    db,
    deps,
    app,
    get: (url) => request(app).get(url),
    cleanup: async () => {
      await deps.close();
      await cleanup();
    },
  };
}

/** The official scrutin objects of a bundled .ndjson.gz, read WITHOUT our parser (independent oracle). */
export interface RawScrutin {
  uid: string;
  legislature: string;
  dateScrutin: string;
  titre: string;
  typeVote: { codeTypeVote: string };
  sort: { code: string };
  objet: { libelle: string | null } | null;
  syntheseVote: { nbrSuffragesRequis: string; decompte: { pour: string } };
}

const rawCache = new Map<string, RawScrutin[]>();

/** Memoised per test file: the bundle is parsed once however many tests read it. */
export function readRawBundle(name: string): RawScrutin[] {
  let rows = rawCache.get(name);
  if (!rows) rawCache.set(name, (rows = parseRawBundle(name)));
  return rows;
}

function parseRawBundle(name: string): RawScrutin[] {
  const text = gunzipSync(readFileSync(join(REPO_ROOT, 'data/opendata/scrutins', name))).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { scrutin: RawScrutin }).scrutin);
}

export const L17_BUNDLE = 'VTANR5L17V1-3876.ndjson.gz';
export const L16_SAMPLES = 'VTANR5L16-samples.ndjson.gz';

/** The Congrès scrutin (VTCGR5L16V1), read without our parser. */
export function readRawCongres(): RawScrutin {
  const text = readFileSync(join(REPO_ROOT, 'data/opendata/scrutins/VTCGR5L16V1.json'), 'utf8');
  return (JSON.parse(text) as { scrutin: RawScrutin }).scrutin;
}

/** Every bundled scrutin: the L17 bundle, the L16 samples and the Congrès. */
export const readAllRawScrutins = (): RawScrutin[] => [...readRawBundle(L17_BUNDLE), ...readRawBundle(L16_SAMPLES), readRawCongres()];
