import type { AppDeps } from '../../deps';
import { citizensOf } from '../accounts/citizens';
import { createAgendaService, type AgendaService } from '../agenda/service';
import { createQuestionsService, type QuestionsService } from '../questions/service';
import { createAlertsService, type AlertsService } from '../alerts/service';
import { createAgreementService, type AgreementService } from '../agreement/service';

/**
 * Issue 13's services, built once per app (boot() puts them in deps.platform; an app built without
 * them, in other modules' tests, gets them lazily): the agenda, the platform's questions, the
 * alerts and the agreement scores, plus the job that keeps questions and alerts up to date.
 */
export interface Platform {
  agenda: AgendaService;
  questions: QuestionsService;
  alerts: AlertsService;
  agreement: AgreementService;
  /** the job: open / freeze / link questions and send the alert digests; every minute once started */
  tick(): void;
  startJob(intervalMs?: number): void;
  stopJob(): void;
}

export function createPlatform(deps: AppDeps): Platform {
  const citizens = citizensOf(deps);
  // the agenda names each text's question; the questions read the agenda: tie the knot once built
  const late: { questions?: QuestionsService } = {};
  const agenda = createAgendaService({
    db: deps.db, now: deps.now, asOf: deps.config.AS_OF,
    questionOf: (dossierRef, sittingUid) => late.questions?.questionOnText(dossierRef, sittingUid) ?? null,
  });
  const questions = createQuestionsService({ db: deps.db, now: deps.now, logger: deps.logger, agenda, votes: citizens.votes });
  late.questions = questions;
  const publicUrl = deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`;
  const alerts = createAlertsService({
    db: deps.db, now: deps.now, logger: deps.logger, mailer: citizens.mailer, questions, secret: citizens.config.secret, publicUrl: publicUrl.replace(/\/$/, ''),
  });
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    try {
      questions.refresh();
      alerts.run();
    } catch (error) {
      deps.logger.error({ err: error }, 'platform job failed');
    }
  };
  return {
    agenda, questions, alerts, tick, agreement: createAgreementService(deps.db),
    startJob(intervalMs = 60_000) {
      tick();
      timer ??= setInterval(tick, intervalMs).unref();
    },
    stopJob() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

const lazily = new WeakMap<AppDeps, Platform>();

export function platformOf(deps: AppDeps): Platform {
  if (deps.platform) return deps.platform;
  let platform = lazily.get(deps);
  if (!platform) {
    platform = createPlatform(deps);
    lazily.set(deps, platform);
  }
  return platform;
}
