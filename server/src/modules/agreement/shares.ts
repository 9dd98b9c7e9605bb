import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Share links of a citizen's comparison: created and withdrawn by the citizen only. */
export async function createShare(db: Db, citizenId: number, legislature: number, now: number) {
  const token = randomBytes(32).toString('base64url');
  await db.store.run('INSERT INTO agreement_shares (token_hash, citizen_id, legislature, created_at) VALUES (?, ?, ?, ?)', [hashOf(token), citizenId, legislature, now]);
  return { token, path: `/partage/${token}` };
}

export async function withdrawShares(db: Db, citizenId: number): Promise<void> {
  await db.store.run('DELETE FROM agreement_shares WHERE citizen_id = ?', [citizenId]);
}

export async function resolveShare(db: Db, token: string): Promise<{ citizenId: number; legislature: number }> {
  const row = await db.store.get<{ citizenId: number; legislature: number }>(
    `SELECT s.citizen_id AS "citizenId", s.legislature FROM agreement_shares s JOIN citizens c ON c.id = s.citizen_id
      WHERE s.token_hash = ? AND c.deleted_at IS NULL`,
    [hashOf(token)],
  );
  if (!row) throw new AppError('share_not_found', 'This comparison is not shared (the link is wrong, or its author withdrew it)', { status: 404, extras: { param: 'token' } });
  return row;
}
