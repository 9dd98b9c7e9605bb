import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Logger } from '../../logger';
import type { Mailer } from '../accounts';
import type { VotesService } from '../votes';
import { createAgendaService, type AgendaService } from '../agenda';
import { createQuestionsService, type QuestionsService } from '../questions';
import { createAlertsService, type AlertsService } from '../alerts';
import { createAgreementService, type AgreementService } from '../agreement';

/**
 * Issue 13's services, built once by buildAppDeps() into deps.platform: the agenda, the platform's
 * questions, the alerts and the agreement scores, plus the job that keeps questions and alerts up
 * to date (started by boot(), stopped by deps.close()).
 */
export interface Platform {
  agenda: AgendaService;
  questions: QuestionsService;
  alerts: AlertsService;
  agreement: AgreementService;
  /** the job: open / freeze / link questions and send the alert digests; every minute once started. Never rejects (failures are logged). */
  tick(): Promise<void>;
  startJob(intervalMs?: number): void;
  stopJob(): void;
}

/** What the platform is built from: the store and clock, the votes service and mailer of the citizens' side. */
export interface PlatformDeps {
  db: Db;
  now: () => Date;
  logger: Logger;
  config: Pick<Config, 'AS_OF'>;
  votes: VotesService;
  mailer: Mailer;
  /** the server secret: signs the alerts' unsubscribe links */
  secret: Buffer;
  /** the site's address, for the links in the alert mails */
  publicUrl: string;
}

export function createPlatform(deps: PlatformDeps): Platform {
  // the agenda names each text's question; the questions read the agenda: tie the knot once built
  const late: { questions?: QuestionsService } = {};
  const agenda = createAgendaService({
    db: deps.db, now: deps.now, asOf: deps.config.AS_OF,
    questionOf: async (dossierRef, sittingUid) => (await late.questions?.questionOnText(dossierRef, sittingUid)) ?? null,
  });
  const questions = createQuestionsService({ db: deps.db, now: deps.now, logger: deps.logger, agenda, votes: deps.votes });
  late.questions = questions;
  const alerts = createAlertsService({
    db: deps.db, now: deps.now, logger: deps.logger, mailer: deps.mailer, questions, secret: deps.secret, publicUrl: deps.publicUrl.replace(/\/$/, ''),
  });
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    try {
      await questions.refresh();
      await alerts.run();
    } catch (error) {
      deps.logger.error({ err: error }, 'platform job failed');
    }
  };
  return {
    agenda, questions, alerts, tick, agreement: createAgreementService(deps.db),
    startJob(intervalMs = 60_000) {
      void tick();
      timer ??= setInterval(() => void tick(), intervalMs).unref();
    },
    stopJob() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
