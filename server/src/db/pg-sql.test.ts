import { describe, expect, it } from 'vitest';
import { lockKey, sortedLockKeys, toPostgresSql } from './pg-sql';

describe('the port SQL as PostgreSQL reads it', () => {
  it('numbers the placeholders, outside literals, quoted names and comments', () => {
    expect(toPostgresSql("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ? -- ?\n AND e IN (?, ?) /* ? */")).toBe(
      "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2 -- ?\n AND e IN ($3, $4) /* ? */",
    );
    expect(toPostgresSql("SELECT 'it''s ?', ? , $$ ? $$, $f$ ? $f$")).toBe("SELECT 'it''s ?', $1 , $$ ? $$, $f$ ? $f$");
  });

  it('quotes camelCase aliases wherever they appear, and nothing else', () => {
    expect(toPostgresSql('SELECT cast_at AS castAt, count(*) AS n FROM votes v ORDER BY castAt DESC, v.scrutin_uid')).toBe(
      'SELECT cast_at AS "castAt", count(*) AS n FROM votes v ORDER BY "castAt" DESC, v.scrutin_uid',
    );
    expect(toPostgresSql('SELECT x.scrutinUid, "already" AS "keptAs", SELECT_ALL, Select FROM (SELECT 1) x')).toBe(
      'SELECT x."scrutinUid", "already" AS "keptAs", SELECT_ALL, Select FROM (SELECT 1) x',
    );
    expect(toPostgresSql("SELECT 'camelCase in text'")).toBe("SELECT 'camelCase in text'");
  });

  it('derives stable 64-bit lock keys, taken in one order whatever the names’ order', () => {
    expect(lockKey('vote-chain:VTANR5L17V1')).toBe(lockKey('vote-chain:VTANR5L17V1'));
    expect(lockKey('a')).not.toBe(lockKey('b'));
    expect(lockKey('a')).toBeGreaterThanOrEqual(-(2n ** 63n));
    expect(sortedLockKeys(['b', 'a', 'b'])).toEqual(sortedLockKeys(['a', 'b']));
    expect(sortedLockKeys(['b', 'a', 'b'])).toHaveLength(2);
  });
});
