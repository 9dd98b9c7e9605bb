import { createHmac, timingSafeEqual } from 'node:crypto';
import { parisDate, type AlertSubscriptions, type Question } from '@parallele/core';
import { AppError } from '../../errors';
import type { Logger } from '../../logger';
import type { Mailer } from '../accounts';
import type { Db } from '../../db/client';
import type { QuestionsService } from '../questions';
import { digestMail, type DigestItem } from './mails';
import { alertsRepository, type AlertKind, type Subscriber } from './repository';

export interface AlertsServiceDeps {
  db: Db;
  now: () => Date;
  logger: Logger;
  mailer: Mailer;
  questions: QuestionsService;
  secret: Buffer;
  publicUrl: string;
}

const DAY = 24 * 3600 * 1000;
/** Vote kinds a "solemn votes" subscription covers. */
const SOLEMN = new Set(['solennel', 'scrutin-public']);

/**
 * Alerts: a question opened, closes within a day, or has its result (mandate + the Assembly's
 * vote). run() is the scheduled job: for each subscriber, the alerts not yet sent go out as ONE
 * digest, at most one per Paris day (later ones wait for the next day). What is sent is recorded
 * (digest + alerts, unique) in the same transaction BEFORE the mail is handed to the mailer: a
 * restart, a second process or a rerun never sends an alert twice (a crash right after the commit
 * loses that digest instead: at most once).
 */
export function createAlertsService(deps: AlertsServiceDeps) {
  const repo = alertsRepository(deps.db);
  const mac = (citizenId: number) => createHmac('sha256', deps.secret).update(`alerts-unsubscribe/v1\n${citizenId}`).digest('base64url');

  function dueAlerts(q: Question, now: number): AlertKind[] {
    const kinds: AlertKind[] = [];
    if (q.window.status === 'open') {
      kinds.push('opened');
      if (Date.parse(q.closesAt) - now <= DAY) kinds.push('closing');
    } else if (q.mandate && q.links.some((l) => l.role === 'final')) {
      kinds.push('result');
    }
    return kinds;
  }

  const follows = (s: Subscriber, q: Question) => s.texts.has(q.dossierRef) || (s.solemn && SOLEMN.has(q.voteKind));

  return {
    unsubscribeToken: (citizenId: number) => `${citizenId}.${mac(citizenId)}`,
    unsubscribeUrl(citizenId: number) {
      return `${deps.publicUrl}/api/alerts/unsubscribe?token=${citizenId}.${mac(citizenId)}`;
    },
    subscriptions: (citizenId: number) => repo.subscriptions(citizenId),
    async subscribe(citizenId: number, subs: AlertSubscriptions): Promise<AlertSubscriptions> {
      await repo.replace(citizenId, subs, deps.now().getTime());
      return repo.subscriptions(citizenId);
    },
    /** The one-click link: a token naming the account, signed; anything else is refused. */
    async unsubscribe(token: string): Promise<void> {
      const [id, signature] = token.split('.');
      const citizenId = Number(id);
      const expected = Buffer.from(mac(citizenId));
      const given = Buffer.from(signature ?? '');
      if (!Number.isSafeInteger(citizenId) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AppError('unsubscribe_token_invalid', 'This unsubscribe link is not valid (altered or incomplete): use the link of the mail as it is, or change your alerts in your profile', {
          status: 400, extras: { param: 'token' },
        });
      }
      await repo.unsubscribeAll(citizenId);
    },
    /** The scheduled job: returns how many digests were sent. */
    async run(): Promise<number> {
      const now = deps.now().getTime();
      const day = parisDate(new Date(now));
      const questions = await deps.questions.list();
      let sent = 0;
      for (const s of await repo.subscribers()) {
        if (await repo.hasDigest(s.citizenId, day)) continue;
        const done = await repo.delivered(s.citizenId);
        const items: DigestItem[] = [];
        for (const q of questions) {
          if (!follows(s, q)) continue;
          for (const kind of dueAlerts(q, now)) if (!done.has(`${q.id} ${kind}`)) items.push({ kind, question: q });
        }
        if (items.length === 0) continue;
        if (!(await repo.recordDigest(s.citizenId, day, now, items.map((i) => ({ questionId: i.question.id, kind: i.kind }))))) continue;
        deps.mailer.send(digestMail(s.email, s.locale, items, deps.publicUrl, this.unsubscribeUrl(s.citizenId)));
        sent++;
      }
      if (sent > 0) deps.logger.info({ digests: sent }, `alerts: ${sent} digest(s) sent`);
      return sent;
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
