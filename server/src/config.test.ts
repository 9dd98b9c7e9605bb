import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { loadConfig, REPO_ROOT, resolveSqlitePath } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({}, '1.2.3');
    expect(c).toMatchObject({ NODE_ENV: 'development', PORT: 3000, HOST: '127.0.0.1', TRUST_PROXY: false, logLevel: 'info', version: '1.2.3' });
    expect(c.databasePath).toBe(`${REPO_ROOT}data/parallele.db`.replace('//', '/'));
  });

  it('is silent under NODE_ENV=test unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x', TRUST_PROXY: 'maybe', DATABASE_URL: 'mysql://db/x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const detail = (error as AppError).detail;
    for (const key of ['PORT', 'NODE_ENV', 'LOG_LEVEL', 'PUBLIC_URL', 'TRUST_PROXY', 'DATABASE_URL']) expect(detail).toContain(`${key}:`);
    expect(detail).toContain('"eighty"');
  });

  it('lists a bad server variable and a bad citizens variable in the same message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', SCRYPT_LOG_N: '3', NODE_ENV: 'development' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const detail = (error as AppError).detail;
    expect(detail).toContain('  PORT: ');
    expect(detail).toContain('  SCRYPT_LOG_N: ');
    expect(detail).toContain('"eighty"');
    // the production-only rules are checked in the same run
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY: required in production[\s\S]*SMTP_URL: required in production/);
    // …which are the server's: a read-only tool (leverage, import) runs without a secret
    expect(loadConfig({ NODE_ENV: 'production' }, '1', { citizens: false }).production).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', PORT: 'x' }, '1', { citizens: false })).toThrow(/PORT:/);
  });

  it('takes a PostgreSQL URL as DATABASE_URL, and never shows its password', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db.internal:5432/parallele' }).databasePath).toBe('postgres://app@db.internal:5432/parallele');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/parallele' }).DATABASE_URL).toBe('postgresql://db/parallele');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:s3cret@db/x' })).toThrow(/DATABASE_URL: expected a file: URL or path of a SQLite file, or a postgres:\/\/ \(postgresql:\/\/\) URL \(got "mysql:\/\/app@db\/x"\)/);
  });

  it('treats empty variables as unset and ignores unrelated ones', () => {
    expect(loadConfig({ PORT: '', HOST: '', SOMETHING_ELSE: 'x' })).toMatchObject({ PORT: 3000, HOST: '127.0.0.1' });
  });

  it('parses TRUST_PROXY as a boolean, a hop count or an address list', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1');
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, proxy.example' })).toThrow(/TRUST_PROXY/);
  });
});

describe('resolveSqlitePath', () => {
  it('resolves file: URLs and bare paths against the repo root', () => {
    expect(resolveSqlitePath('file:/tmp/x.db')).toBe('/tmp/x.db');
    expect(resolveSqlitePath('file:///tmp/x.db')).toBe('/tmp/x.db');
    expect(resolveSqlitePath('file:data/x.db', '/repo')).toBe('/repo/data/x.db');
    expect(resolveSqlitePath('data/x.db', '/repo')).toBe('/repo/data/x.db');
    expect(resolveSqlitePath(':memory:')).toBe(':memory:');
  });
});
