import type { AlertSubscriptions } from '@parallele/core';
import type { Db } from '../../db/types';

export type AlertKind = 'opened' | 'closing' | 'result';

export interface Subscriber {
  citizenId: number;
  email: string;
  locale: 'fr' | 'en';
  solemn: boolean;
  texts: Set<string>;
}

/** Subscriptions, and what was sent (one digest per citizen and day; each alert once). */
export function alertsRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  return {
    async subscriptions(citizenId: number): Promise<AlertSubscriptions> {
      const rows = await store.all<{ scope: string; dossierRef: string }>('SELECT scope, dossier_ref AS "dossierRef" FROM alert_subscriptions WHERE citizen_id = ?', [citizenId]);
      return { solemn: rows.some((r) => r.scope === 'solemn'), texts: rows.filter((r) => r.scope === 'text').map((r) => r.dossierRef).sort() };
    },
    async replace(citizenId: number, subs: AlertSubscriptions, now: number): Promise<void> {
      await store.transaction(async () => {
        await store.run('DELETE FROM alert_subscriptions WHERE citizen_id = ?', [citizenId]);
        const insert = (scope: string, dossierRef: string) =>
          store.run('INSERT INTO alert_subscriptions (citizen_id, scope, dossier_ref, created_at) VALUES (?, ?, ?, ?)', [citizenId, scope, dossierRef, now]);
        if (subs.solemn) await insert('solemn', '');
        for (const d of new Set(subs.texts)) await insert('text', d);
      });
    },
    /** Subscribed citizens whose account is live and whose address was verified. */
    async subscribers(): Promise<Subscriber[]> {
      const rows = await store.all<{ citizenId: number; email: string; locale: 'fr' | 'en'; scope: string; dossierRef: string }>(
        `SELECT c.id AS "citizenId", c.email, c.locale, a.scope, a.dossier_ref AS "dossierRef"
           FROM alert_subscriptions a JOIN citizens c ON c.id = a.citizen_id
          WHERE c.deleted_at IS NULL AND c.email IS NOT NULL AND c.email_verified_at IS NOT NULL ORDER BY c.id`,
      );
      const out = new Map<number, Subscriber>();
      for (const r of rows) {
        const s = out.get(r.citizenId) ?? { citizenId: r.citizenId, email: r.email, locale: r.locale, solemn: false, texts: new Set<string>() };
        if (r.scope === 'solemn') s.solemn = true;
        else s.texts.add(r.dossierRef);
        out.set(r.citizenId, s);
      }
      return [...out.values()];
    },
    async delivered(citizenId: number): Promise<Set<string>> {
      const rows = await store.all<{ k: string }>("SELECT question_id || ' ' || kind AS k FROM alert_deliveries WHERE citizen_id = ?", [citizenId]);
      return new Set(rows.map((r) => r.k));
    },
    async hasDigest(citizenId: number, day: string): Promise<boolean> {
      return (await store.get('SELECT 1 AS one FROM alert_digests WHERE citizen_id = ? AND day = ?', [citizenId, day])) !== undefined;
    },
    /** Records a digest and its alerts in one transaction; false if that day's digest exists already. */
    recordDigest(citizenId: number, day: string, at: number, alerts: { questionId: string; kind: AlertKind }[]): Promise<boolean> {
      return store.transaction(async () => {
        const digest = await store.get<{ id: number }>('INSERT INTO alert_digests (citizen_id, day, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id', [citizenId, day, at]);
        if (!digest) return false;
        for (const a of alerts) {
          await store.run('INSERT INTO alert_deliveries (citizen_id, question_id, kind, digest_id) VALUES (?, ?, ?, ?)', [citizenId, a.questionId, a.kind, digest.id]);
        }
        return true;
      });
    },
    async unsubscribeAll(citizenId: number): Promise<void> {
      await store.run('DELETE FROM alert_subscriptions WHERE citizen_id = ?', [citizenId]);
    },
  };
}
