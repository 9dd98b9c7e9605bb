import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ScrutinDetailSchema, simulate, toSimScrutin, UNATTRIBUTED_GROUP_REF } from '@parallele/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { buildAppDeps } from '../boot';
import { testConfig } from '../config';
import { getScrutin } from '../db/an-store';
import type { Db } from '../db/client';
import { openTestStore, type TestStore } from '../test-support/store';
import { silentLogger } from '../logger';
import { BUNDLED_DATA_DIR, importOfficialData } from './import-service';

/**
 * Issue 15 §1: a REAL L17 record (VTANR5L17V3054, the confidence vote of 8 Sept 2025) whose group
 * breakdown no longer adds up (one group removed from a copy, as when deputies sat in a group
 * created after the export's group list) is imported as a real vote, with a data-quality warning.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- raw official JSON, edited in tests */
const UID = 'VTANR5L17V3054';
const line = gunzipSync(readFileSync(join(BUNDLED_DATA_DIR, 'scrutins/VTANR5L17V1-3876.ndjson.gz')))
  .toString('utf8')
  .split('\n')
  .find((l) => l.includes(`"uid": "${UID}"`))!;
const edited: any = JSON.parse(line);
const groups: any[] = edited.scrutin.ventilationVotes.organe.groupes.groupe;
const droppedIndex = groups.findIndex((g) => Number(g.vote.decompteVoix.contre) > 20);
const [dropped] = groups.splice(droppedIndex, 1);
const droppedContre = Number(dropped.vote.decompteVoix.contre);

let dir: string;
const stores: TestStore[] = [];
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-quality-'));
  file = join(dir, `${UID}.json`);
  writeFileSync(file, JSON.stringify(edited));
});
afterAll(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});
const store = async (name: string): Promise<Db> => {
  const opened = await openTestStore(join(dir, name));
  stores.push(opened);
  return opened.db;
};

describe('importing a record whose groups do not add up to syntheseVote', () => {
  it('imports it with a data-quality warning in the summary, not an error', async () => {
    const db = await store('lenient.db');
    const summary = await importOfficialData(db, file);
    expect(summary.errors).toEqual([]);
    expect(summary.scrutins.imported).toBe(1);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatchObject({ uid: UID, code: 'unattributed-votes' });
    expect(summary.warnings[0]!.message).toContain(`${droppedContre} contre`);

    // stored with the difference as the unattributed entry; the simulator gives the official result
    const s = (await getScrutin(db, UID))!;
    expect(s.groups.find((g) => g.organeRef === UNATTRIBUTED_GROUP_REF)).toMatchObject({ contre: droppedContre });
    expect(simulate(toSimScrutin(s), { k: 0, split: [1, 0, 0] }).parallel).toMatchObject({ pour: 194, contre: 364, required: 280, outcome: 'rejeté' });

    // the API detail names the entry and carries the warning
    const deps = buildAppDeps({ config: testConfig(), logger: silentLogger(), db });
    const res = await request(createApp(deps)).get(`/api/scrutins/${UID}`);
    await deps.close();
    expect(res.status, res.text).toBe(200);
    const detail = ScrutinDetailSchema.parse(res.body);
    expect(detail.warnings).toEqual([expect.objectContaining({ code: 'unattributed-votes', contre: droppedContre })]);
    expect(detail.groups.at(-1)).toMatchObject({ organeRef: UNATTRIBUTED_GROUP_REF, name: 'Non attribués', contre: droppedContre });
    expect(detail.groups.reduce((a, g) => a + g.contre, 0)).toBe(364);
  });

  it('--strict refuses it, with the reason, and leaves the store unchanged', async () => {
    const db = await store('strict.db');
    const summary = await importOfficialData(db, file, { strict: true });
    expect(summary.committed).toBe(false);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]!.message).toMatch(/VTANR5L17V3054: refused in strict mode: .*not attributed to a group/);
    expect(await getScrutin(db, UID)).toBeNull();
  });

  it('the bundled records carry no such warning', async () => {
    const db = await store('bundled.db');
    const summary = await importOfficialData(db, join(BUNDLED_DATA_DIR, 'scrutins'));
    expect(summary.errors).toEqual([]);
    expect(summary.warnings).toEqual([]);
  });
});
