import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteStore } from './sqlite-store';
import type { SqlStore } from './sql-store';

let store: SqlStore;
afterEach(() => store?.close());

async function open() {
  store = sqliteStore(new Database(':memory:'));
  await store.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, flag INTEGER NOT NULL DEFAULT 0)');
  return store;
}

describe('the SQLite store behind the SQL port', () => {
  it('reads, writes and returns rows, booleans as 0/1', async () => {
    const s = await open();
    expect(await s.run('INSERT INTO t (name, flag) VALUES (?, ?)', ['a', true])).toEqual({ changes: 1 });
    const inserted = await s.get<{ id: number }>('INSERT INTO t (name) VALUES (?) RETURNING id', ['b']);
    expect(inserted?.id).toBe(2);
    expect(await s.all('SELECT name, flag FROM t ORDER BY id')).toEqual([{ name: 'a', flag: 1 }, { name: 'b', flag: 0 }]);
    expect(await s.get('SELECT name FROM t WHERE id = ?', [99])).toBeUndefined();
  });

  it('commits a transaction, rolls one back on error, and joins a nested one', async () => {
    const s = await open();
    await s.transaction(async () => {
      await s.run('INSERT INTO t (name) VALUES (?)', ['kept']);
      await s.transaction(async () => s.run('INSERT INTO t (name) VALUES (?)', ['nested']));
    });
    await expect(
      s.transaction(async () => {
        await s.run('INSERT INTO t (name) VALUES (?)', ['lost']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await s.all<{ name: string }>('SELECT name FROM t ORDER BY id')).map((r) => r.name)).toEqual(['kept', 'nested']);
  });

  it('keeps a write made outside an open transaction out of its rollback', async () => {
    const s = await open();
    let inside!: () => void;
    const paused = new Promise<void>((resolve) => (inside = resolve));
    const failing = s.transaction(async () => {
      await s.run('INSERT INTO t (name) VALUES (?)', ['rolled back']);
      await paused; // another request runs while this transaction awaits
      throw new Error('abort');
    });
    const outside = s.run('INSERT INTO t (name) VALUES (?)', ['outside']);
    inside();
    await expect(failing).rejects.toThrow('abort');
    await outside;
    expect((await s.all<{ name: string }>('SELECT name FROM t')).map((r) => r.name)).toEqual(['outside']);
  });

  it('runs concurrent transactions one after the other', async () => {
    const s = await open();
    await s.run('INSERT INTO t (id, name) VALUES (1, ?)', ['0']);
    const increment = () =>
      s.transaction(async () => {
        const row = await s.get<{ name: string }>('SELECT name FROM t WHERE id = 1');
        await Promise.resolve();
        await s.run('UPDATE t SET name = ? WHERE id = 1', [String(Number(row!.name) + 1)]);
      });
    await Promise.all(Array.from({ length: 50 }, increment));
    expect((await s.get<{ name: string }>('SELECT name FROM t WHERE id = 1'))!.name).toBe('50');
  });
});
