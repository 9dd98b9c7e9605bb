import { afterEach, beforeEach, expect, it } from 'vitest';
import { upsertScrutins } from '../../db/an-store';
import type { Db } from '../../db/types';
import { realScrutins } from '../../test-support/citizens';
import { describeEachStore } from '../../test-support/stores';
import { addQuarantine, emptySummary, finishRun, getResumePoint, lastOpenDataNumero, latestRuns, recentQuarantine, resumePoints, scrutinOrigin, setOrigin, setResumePoint, startRun } from './repository';

/** The sync's bookkeeping (runs, resume points, quarantine, origins): one suite on SQLite and on PostgreSQL. */
describeEachStore('the sync store', ({ open }) => {
  let db: Db;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(() => db.close());
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 5) + ms);

  it('records runs and lists the latest first', async () => {
    const first = await startRun(db, { kind: 'opendata', legislature: 17, trigger: 'manual' }, at(0));
    const second = await startRun(db, { kind: 'pages', legislature: 17, trigger: 'schedule' }, at(1000));
    expect(second).toBeGreaterThan(first);
    const summary = { ...emptySummary('opendata', 17, 'manual', at(0)), status: 'ok' as const, finishedAt: at(500).toISOString() };
    await finishRun(db, first, summary, at(500));
    const runs = await latestRuns(db);
    expect(runs.map((r) => [r.kind, r.status])).toEqual([['pages', 'running'], ['opendata', 'ok']]);
    expect(runs[1]).toMatchObject({ kind: 'opendata', legislature: 17, trigger: 'manual', status: 'ok' });
  });

  it('keeps resume points and quarantined items', async () => {
    expect(await getResumePoint(db, 17)).toBeNull();
    await setResumePoint(db, 17, 8430, at(0));
    await setResumePoint(db, 17, 8433, at(1));
    await setResumePoint(db, 16, 12, at(2));
    expect(await getResumePoint(db, 17)).toBe(8433);
    expect(await resumePoints(db)).toEqual([{ legislature: 16, lastNumero: 12 }, { legislature: 17, lastNumero: 8433 }]);
    const run = await startRun(db, { kind: 'pages', legislature: 17, trigger: 'manual' }, at(0));
    await addQuarantine(db, run, { kind: 'page', source: 'https://an/8431', path: 'quarantine/8431.html', error: 'bad', at: at(3).toISOString() });
    expect(await recentQuarantine(db)).toMatchObject([{ kind: 'page', source: 'https://an/8431', path: 'quarantine/8431.html', error: 'bad' }]);
  });

  it('tells which channel wrote a scrutin, and the last open-data numero', async () => {
    const scrutins = realScrutins(3);
    await upsertScrutins(db, scrutins);
    expect(await scrutinOrigin(db, scrutins[0]!.uid)).toBe('opendata');
    expect(await scrutinOrigin(db, 'VTANR5L16V999999')).toBeNull();
    const legislature = scrutins[0]!.legislature;
    expect(await lastOpenDataNumero(db, legislature)).toBe(Math.max(...scrutins.map((s) => s.numero)));
    await setOrigin(db, [scrutins[2]!.uid], 'page');
    expect(await scrutinOrigin(db, scrutins[2]!.uid)).toBe('page');
    expect(await lastOpenDataNumero(db, legislature)).toBe(Math.max(scrutins[0]!.numero, scrutins[1]!.numero));
  });
});
