import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, testConfig } from '../config';
import { assertClusterable, clusterProblems, parseWorkers } from './checks';

/** `npm run serve -- --workers N`: what it refuses, and why (issue 14). */
const serve = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', PORT: '0', SECRET_KEY: 'test-secret-key-of-at-least-32-characters', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });

describe('--workers', () => {
  it('reads --workers N and --workers=N, 1 by default, and refuses anything but a whole number', () => {
    expect(parseWorkers([])).toBe(1);
    expect(parseWorkers(['--workers', '3'])).toBe(3);
    expect(parseWorkers(['--workers=2'])).toBe(2);
    for (const bad of [['--workers'], ['--workers', 'two'], ['--workers=0'], ['--workers', '1.5']]) expect(() => parseWorkers(bad)).toThrow(/--workers: expected a whole number/);
  });

  it('lets one worker run on SQLite without Redis, as today', () => {
    expect(clusterProblems(testConfig(), 1)).toEqual([]);
  });

  it('refuses several workers on SQLite, saying why, even with Redis', () => {
    const problems = clusterProblems(testConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }), 2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ param: 'DATABASE_URL' });
    expect(problems[0]!.detail).toMatch(/SQLite.*fork its chain.*postgres:\/\//);
  });

  it('refuses several workers without Redis, saying what would not be shared', () => {
    const problems = clusterProblems({ DATABASE_URL: 'postgres://root@127.0.0.1/parallele', REDIS_URL: undefined }, 2);
    expect(problems).toEqual([{ param: 'REDIS_URL', detail: expect.stringMatching(/REDIS_URL=redis:.*socket rooms.*rate limits.*scheduled jobs/) }]);
    expect(() => assertClusterable({ DATABASE_URL: 'postgres://root@127.0.0.1/parallele', REDIS_URL: undefined }, 2)).toThrow(/Invalid configuration:\n {2}REDIS_URL/);
  });

  it('accepts several workers on PostgreSQL with Redis', () => {
    expect(clusterProblems({ DATABASE_URL: 'postgresql://root@127.0.0.1/parallele', REDIS_URL: 'redis://127.0.0.1:6379' }, 4)).toEqual([]);
  });

  it('refuses a REDIS_URL that is not redis:// with the other bad settings', () => {
    expect(() => testConfig({ REDIS_URL: 'http://127.0.0.1:6379', REDIS_PREFIX: 'a b' })).toThrow(/REDIS_URL: expected a redis:\/\/[\s\S]*REDIS_PREFIX/);
  });

  it('npm run serve -- --workers 2 on SQLite without Redis exits 1 naming both settings, before forking', async () => {
    const { code, stderr } = await serve(['--workers', '2'], { DATABASE_URL: 'file::memory:' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATABASE_URL: 2 workers on a SQLite store are refused/);
    expect(stderr).toMatch(/REDIS_URL: 2 workers need REDIS_URL/);
  });
});
