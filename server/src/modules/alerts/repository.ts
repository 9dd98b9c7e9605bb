import type { AlertSubscriptions } from '@parallele/core';
import type { Db } from '../../db/client';

export type AlertKind = 'opened' | 'closing' | 'result';

export interface Subscriber {
  citizenId: number;
  email: string;
  locale: 'fr' | 'en';
  solemn: boolean;
  texts: Set<string>;
}

/** Subscriptions, and what was sent (one digest per citizen and day; each alert once). */
export function alertsRepository(db: Db) {
  const { sqlite } = db;
  return {
    subscriptions(citizenId: number): AlertSubscriptions {
      const rows = sqlite.prepare<[number], { scope: string; dossierRef: string }>('SELECT scope, dossier_ref AS dossierRef FROM alert_subscriptions WHERE citizen_id = ?').all(citizenId);
      return { solemn: rows.some((r) => r.scope === 'solemn'), texts: rows.filter((r) => r.scope === 'text').map((r) => r.dossierRef).sort() };
    },
    replace(citizenId: number, subs: AlertSubscriptions, now: number): void {
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM alert_subscriptions WHERE citizen_id = ?').run(citizenId);
        const insert = sqlite.prepare('INSERT INTO alert_subscriptions (citizen_id, scope, dossier_ref, created_at) VALUES (?, ?, ?, ?)');
        if (subs.solemn) insert.run(citizenId, 'solemn', '', now);
        for (const d of new Set(subs.texts)) insert.run(citizenId, 'text', d, now);
      })();
    },
    /** Subscribed citizens whose account is live and whose address was verified. */
    subscribers(): Subscriber[] {
      const rows = sqlite
        .prepare<[], { citizenId: number; email: string; locale: 'fr' | 'en'; scope: string; dossierRef: string }>(
          `SELECT c.id AS citizenId, c.email, c.locale, a.scope, a.dossier_ref AS dossierRef
             FROM alert_subscriptions a JOIN citizens c ON c.id = a.citizen_id
            WHERE c.deleted_at IS NULL AND c.email IS NOT NULL AND c.email_verified_at IS NOT NULL ORDER BY c.id`,
        )
        .all();
      const out = new Map<number, Subscriber>();
      for (const r of rows) {
        const s = out.get(r.citizenId) ?? { citizenId: r.citizenId, email: r.email, locale: r.locale, solemn: false, texts: new Set<string>() };
        if (r.scope === 'solemn') s.solemn = true;
        else s.texts.add(r.dossierRef);
        out.set(r.citizenId, s);
      }
      return [...out.values()];
    },
    delivered(citizenId: number): Set<string> {
      return new Set(
        sqlite.prepare<[number], { k: string }>("SELECT question_id || ' ' || kind AS k FROM alert_deliveries WHERE citizen_id = ?").all(citizenId).map((r) => r.k),
      );
    },
    hasDigest(citizenId: number, day: string): boolean {
      return sqlite.prepare('SELECT 1 FROM alert_digests WHERE citizen_id = ? AND day = ?').get(citizenId, day) !== undefined;
    },
    /** Records a digest and its alerts in one transaction; false if that day's digest exists already. */
    recordDigest(citizenId: number, day: string, at: number, alerts: { questionId: string; kind: AlertKind }[]): boolean {
      return sqlite.transaction(() => {
        const digest = sqlite.prepare('INSERT INTO alert_digests (citizen_id, day, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(citizenId, day, at);
        if (digest.changes === 0) return false;
        const insert = sqlite.prepare('INSERT INTO alert_deliveries (citizen_id, question_id, kind, digest_id) VALUES (?, ?, ?, ?)');
        for (const a of alerts) insert.run(citizenId, a.questionId, a.kind, Number(digest.lastInsertRowid));
        return true;
      })();
    },
    unsubscribeAll(citizenId: number): void {
      sqlite.prepare('DELETE FROM alert_subscriptions WHERE citizen_id = ?').run(citizenId);
    },
  };
}
