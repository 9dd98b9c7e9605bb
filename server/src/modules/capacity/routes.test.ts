import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { io as connect } from 'socket.io-client';
import { CapacityReportSchema, CapacityResponseSchema, type CapacityReport } from '@parallele/core';
import { REPO_ROOT } from '../../config';
import { createVerifiedCitizen, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';
import { SECONDS_PER_MONTH } from './cost';

const run = (store: 'sqlite' | 'postgres', processes: number, cpuMsPerVote: number) => ({
  available: true as const, store, processes, connections: 64, durationS: 10, votes: 20_000, votesPerSecond: 2000,
  latencyP50Ms: 30, latencyP99Ms: 90, failures: 0, cpuMsPerVote, chainsVerified: true,
});
const REPORT: CapacityReport = {
  schemaVersion: 1,
  date: '2026-11-30T15:00:00.000Z',
  machine: { cores: 2, cpuModel: 'Test CPU', memoryBytes: 8e9, node: 'v20.19.0', platform: 'linux x64', loadAverage: [0.5, 0.4, 0.3] },
  votes: { sqlite1: run('sqlite', 1, 0.5), postgres1: { available: false, store: 'postgres', processes: 1, reason: 'not measured' }, postgres2: run('postgres', 2, 0.8) },
  sockets: { target: 10_000, connected: 10_000, ceiling: 'the target (10000) was reached', fileDescriptorLimit: 11_024, updates: 10, updateLatencyP50Ms: 120, updateLatencyP95Ms: 400, missedUpdates: 0, baselineRssBytes: 150e6, rssBytesPer1000: 40e6, heapBytesPer1000: 20e6 },
  storage: { sqlite: { available: true, store: 'sqlite', votes: 10_000, bytes: 3e6, bytesPerVote: 300 }, postgres: { available: false, store: 'postgres', reason: 'not measured' } },
};

let t: CitizensTestServer;
let file: string;
let mtime = 1_700_000_000;
const save = (content: string) => {
  writeFileSync(file, content);
  utimesSync(file, ++mtime, ++mtime); // a new mtime even within one clock tick: the service re-reads
};
const get = () => request(t.url).get('/api/capacity');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-capacity-'));
  file = join(dir, 'capacity.json');
  t = await startCitizensTestServer({ scrutins: 2, env: { CAPACITY_FILE: file, PRICE_VCPU_MONTH: '12', PRICE_MEMORY_GB_MONTH: '3', PRICE_STORAGE_GB_MONTH: '0.2', COST_PEAK_FACTOR: '10' } });
  const [a, b] = t.scrutinUids as [string, string];
  for (let i = 0; i < 3; i++) {
    const { citizen } = await createVerifiedCitizen(t, `capacity${i}@example.org`, `192.0.2.${i + 1}`);
    await t.citizens.votes.castVote(citizen, a, 'pour', null);
    if (i < 2) await t.citizens.votes.castVote(citizen, b, 'contre', null);
  }
  await t.citizens.votes.writer.drain();
});
afterAll(async () => {
  await t.close();
  rmSync(dirname(file), { recursive: true, force: true });
});

describe('GET /api/capacity', () => {
  it('serves the saved bench report, the load counted in the store and the cost per 1,000 voters of the configured prices', async () => {
    save(JSON.stringify(REPORT));
    const socket = connect(t.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    try {
      const res = await get();
      expect(res.status).toBe(200);
      const body = CapacityResponseSchema.parse(res.body);
      expect(body.report).toEqual(REPORT);
      expect(body.load).toMatchObject({ store: 'sqlite', activeVoters30d: 3, votesPerDay: Number((5 / 30).toFixed(1)) });
      expect(body.load.storeBytes).toBeGreaterThan(0);
      expect(body.load.connectedSockets).toBeGreaterThanOrEqual(1);
      // On SQLite the SQLite run is the one that describes the deployment: 1000 / 0.5 ms.
      expect(body.capacity).toEqual({ votesPerSecondPerCore: 2000, fromRun: 'sqlite1', socketsPerProcess: 10_000, storageBytesPerMillionVotes: 300e6, storageStore: 'sqlite' });
      expect(body.prices).toEqual({ currency: 'EUR', vcpuMonth: 12, memoryGbMonth: 3, storageGbMonth: 0.2, peakFactor: 10 });
      // 5 votes by 3 voters in 30 days: 5/3 votes per voter and month, measured.
      expect(body.votesPerVoterSource).toBe('measured');
      const votes = 1000 * (5 / 3);
      const cpu = ((votes * 0.5) / 1000 / SECONDS_PER_MONTH) * 10 * 12;
      expect(body.costPer1000.cpu).toBeCloseTo(cpu, 10);
      expect(body.costPer1000.memory).toBeCloseTo(0.04 * 3, 10);
      expect(body.costPer1000.storage).toBeCloseTo(((votes * 300) / 1e9) * 0.2, 10);
      expect(body.costPer1000.total).toBeCloseTo(body.costPer1000.cpu + body.costPer1000.memory + body.costPer1000.storage, 10);
    } finally {
      socket.close();
    }
  });

  it('answers a problem naming the bad field when the saved report is invalid', async () => {
    save(JSON.stringify({ ...REPORT, votes: { ...REPORT.votes, sqlite1: { ...REPORT.votes.sqlite1, cpuMsPerVote: 'fast' } } }));
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'capacity_report_invalid', field: 'votes.sqlite1.cpuMsPerVote' });
    expect(res.body.detail).toContain('votes.sqlite1.cpuMsPerVote');
    expect(res.body.detail).toContain(file);
  });

  it('says the file is not JSON, then that it is missing, with the command that makes it', async () => {
    save('{ not json');
    expect((await get()).body).toMatchObject({ code: 'capacity_report_invalid', field: '(file)' });
    save(JSON.stringify(REPORT));
    expect((await get()).status).toBe(200);
    rmSync(file);
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('capacity_report_missing');
    expect(res.body.detail).toContain('npm run bench -- scale --save');
  });
});

describe('the committed capacity report', () => {
  it('is a valid report of a real run (the page\'s default CAPACITY_FILE)', () => {
    const report = CapacityReportSchema.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'data/capacity/scale-report.json'), 'utf8')));
    expect(report.votes.sqlite1.available).toBe(true);
    expect(report.sockets.connected).toBeGreaterThan(0);
  });
});
