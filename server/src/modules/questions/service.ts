import {
  amendementNumberOf, groupByText, guessWithAmendements, isFinalVote, simulate, splitPercents, toSimScrutin,
  type Mandate, type Question, type ScrutinMandate, type TextAgenda,
} from '@parallele/core';
import type { Db } from '../../db/client';
import { getScrutin } from '../../db/an-store';
import { AppError } from '../../errors';
import type { Logger } from '../../logger';
import { amendementsRepository, type AgendaService } from '../agenda';
import type { VotesService } from '../votes';
import { questionVotes } from './question-votes';
import { questionsRepository, type LinkRow, type QuestionRow } from './repository';

export interface QuestionsServiceDeps {
  db: Db;
  now: () => Date;
  logger: Logger;
  agenda: AgendaService;
  votes: VotesService;
}

/** The question on a text's decisive sitting: also the key of its votes in the votes tables. */
export const questionIdOf = (sittingUid: string, dossierRef: string) => `Q-${sittingUid}-${dossierRef}`;

/**
 * The platform's questions: every upcoming text with a vote expected is put to citizens (votes,
 * receipts and the hash-chained log are the votes module's, keyed by the question id; its window
 * closes when the decisive sitting starts, or at an admin-set time). Once closed, its split is
 * frozen: the mandate. Real scrutins reaching the store are linked to it (core/agenda/link.ts).
 * refresh() does all three; it is idempotent and cheap, run by the platform job and before reads.
 *
 * On an agenda older than the clock without AS_OF (the bundled data, `npm start`), the agenda is
 * shown as of its snapshot date; its questions open as a replay (`replayOf`): each window runs on
 * the real clock for as long as its sitting was ahead of the snapshot (the PLF 2026 vote solennel,
 * 24 Nov 16:00, closes 5 days 16 hours after opening), so a newcomer can vote and see a mandate
 * frozen, clearly labelled as a demo. AS_OF and a live agenda open questions on their real times.
 */
export function createQuestionsService(deps: QuestionsServiceDeps) {
  const repo = questionsRepository(deps.db);
  // built on first use (only when a scrutin's titre names an amendement)
  let amendements: ReturnType<typeof amendementsRepository> | null = null;
  const { votes } = deps;
  const ballots = questionVotes(repo, votes, deps.now);

  async function open(text: TextAgenda, legislature: number, closesAt: number, replayOf: string | null = null): Promise<string> {
    const id = questionIdOf(text.decisiveSittingUid, text.dossierRef);
    const point = text.items.find((i) => i.sittingUid === text.decisiveSittingUid)!.point;
    const created = await repo.insert({
      id, legislature, dossierRef: text.dossierRef, sittingUid: text.decisiveSittingUid, pointUid: point.uid, title: text.title,
      voteKind: text.voteKind, openedAt: deps.now().getTime(), closesAt, sittingStart: text.decisiveStart, replayOf,
    });
    if (created) await votes.setWindow(id, { closesAt: new Date(closesAt).toISOString(), title: text.title });
    return id;
  }

  /** Opens a question for every upcoming text with a vote whose decisive sitting is still ahead. */
  async function openUpcoming(): Promise<string[]> {
    const clock = await deps.agenda.clock();
    const replayOf = clock.source === 'snapshot' ? clock.asOfDate : null;
    const agendaNow = clock.now.getTime();
    const now = deps.now().getTime();
    const sittings = await deps.agenda.upcoming(clock);
    const legislatureOf = new Map(sittings.map((s) => [s.uid, s.legislature]));
    const opened: string[] = [];
    for (const text of groupByText(sittings)) {
      const start = Date.parse(text.decisiveStart);
      if (start <= agendaNow) continue;
      const id = questionIdOf(text.decisiveSittingUid, text.dossierRef);
      // a replay: the time left before the sitting, as of the snapshot, counted from now
      if (!(await repo.get(id))) opened.push(await open(text, legislatureOf.get(text.decisiveSittingUid) ?? 0, replayOf ? now + (start - agendaNow) : start, replayOf));
    }
    return opened;
  }

  async function freezeClosed(): Promise<string[]> {
    const frozen: string[] = [];
    for (const q of await repo.unfrozen()) {
      const window = await votes.windowOf(q.id);
      if (!window || window.status !== 'closed') continue;
      const t = (await votes.tally(q.id)).verifiedUnflagged;
      await repo.freeze(q.id, Math.min(deps.now().getTime(), window.closesAt ? Date.parse(window.closesAt) : Infinity), t);
      frozen.push(q.id);
    }
    return frozen;
  }

  /** Links the scrutins of the agenda's sittings to the question on their text, when the text is clear. */
  async function linkScrutins(): Promise<number> {
    const dossiers = await repo.dossiers();
    if (dossiers.size === 0) return 0;
    const questions = await repo.all();
    let linked = 0;
    const pointsOf = new Map<string, { dossierRef: string | null; objet: string }[]>();
    for (const s of await repo.unlinkedScrutins()) {
      let points = pointsOf.get(s.seanceRef);
      if (!points) {
        points = (await deps.agenda.repo.sitting(s.seanceRef))?.points ?? [];
        pointsOf.set(s.seanceRef, points);
      }
      const numero = amendementNumberOf(s.titre);
      const matched = numero === null ? [] : await (amendements ??= amendementsRepository(deps.db)).inSitting(s.seanceRef, numero);
      if (![...points, ...matched].some((p) => p.dossierRef !== null && dossiers.has(p.dossierRef))) continue;
      const guess = guessWithAmendements(s.titre, points, matched);
      if (guess.dossierRef === null) continue;
      // the latest question on that text that was due by then (or is about that very sitting);
      // a replayed question is due when its sitting starts, whatever its window on the real clock
      const dueAt = (q: QuestionRow) => (q.replayOf !== null && q.sittingStart !== null ? Date.parse(q.sittingStart) : q.closesAt);
      const question = questions.filter((q) => q.dossierRef === guess.dossierRef && (dueAt(q) <= s.startAt || q.sittingUid === s.seanceRef)).at(-1);
      if (!question) continue;
      const role = isFinalVote(s.titre, s.type) ? 'final' : 'other';
      await repo.addLink(
        { scrutinUid: s.uid, questionId: question.id, method: guess.method, score: Math.round(guess.score * 100), role, amendement: guess.amendement },
        deps.now().getTime(),
      );
      // the deputies have voted on the text: the citizens' vote is over (an admin-set later time included)
      if (role === 'final') await votes.closeVoting(question.id);
      linked++;
    }
    return linked;
  }

  function mandateOf(q: QuestionRow): Mandate | null {
    if (q.frozenAt === null) return null;
    const split = { pour: q.mandatePour ?? 0, contre: q.mandateContre ?? 0, abstention: q.mandateAbstention ?? 0 };
    const total = split.pour + split.contre + split.abstention;
    return { ...split, total, percents: splitPercents([split.pour, split.contre, split.abstention]), tally: 'verifiedUnflagged', frozenAt: new Date(q.frozenAt).toISOString() };
  }

  const toLink = (l: LinkRow) => ({
    scrutinUid: l.scrutinUid, titre: l.titre, date: l.date, outcome: l.outcome, method: l.method, score: l.score === null ? null : l.score / 100, role: l.role,
    amendement: l.amendementUid !== null && l.amendementNumero !== null ? { uid: l.amendementUid, numero: l.amendementNumero } : null,
  });

  async function toQuestion(q: QuestionRow): Promise<Question> {
    return {
      id: q.id, legislature: q.legislature, dossierRef: q.dossierRef, sittingUid: q.sittingUid, title: q.title,
      voteKind: q.voteKind as Question['voteKind'], closesAt: new Date(q.closesAt).toISOString(), sittingStart: q.sittingStart, replayOf: q.replayOf,
      window: (await votes.windowOf(q.id))!,
      mandate: mandateOf(q), links: (await repo.linksOf(q.id)).map(toLink),
    };
  }

  type Refreshed = { opened: string[]; frozen: string[]; linked: number };
  async function refreshNow(): Promise<Refreshed> {
    const opened = await openUpcoming();
    const linked = await linkScrutins();
    const frozen = await freezeClosed();
    return { opened, frozen, linked };
  }
  /**
   * The routes refresh before every read: a burst of reads must not become a burst of refreshes.
   * At most one run in flight and one queued (shared by everyone who asked meanwhile), so each
   * caller still sees a refresh that started after its call. The writes are idempotent anyway
   * (other processes may refresh at the same time).
   */
  let inFlight: Promise<Refreshed> | null = null;
  let queued: Promise<Refreshed> | null = null;
  function refresh(): Promise<Refreshed> {
    if (!inFlight) {
      inFlight = refreshNow().finally(() => (inFlight = null));
      return inFlight;
    }
    const ignore = () => undefined;
    queued ??= inFlight.then(ignore, ignore).then(() => {
      queued = null;
      return refresh();
    });
    return queued;
  }

  /** The parallel result with the mandate as the split of K MaVoix deputies (proportional mode). */
  async function parallelOf(scrutinUid: string, mandate: Mandate, k: number) {
    const s = await getScrutin(deps.db, scrutinUid);
    if (!s || mandate.total === 0) return null;
    const r = simulate(toSimScrutin(s), { k, split: [mandate.pour, mandate.contre, mandate.abstention] });
    return { k, outcome: r.parallel.outcome, flipped: r.flipped, tippingPoint: r.tippingPoint, pour: r.parallel.pour, contre: r.parallel.contre, abstentions: r.parallel.abstentions };
  }

  return {
    repo,
    refresh,
    parallelOf,
    mandateOf,
    async list(legislature?: number): Promise<Question[]> {
      await refresh();
      return Promise.all((await repo.all(legislature)).map(toQuestion));
    },
    async get(id: string): Promise<Question> {
      await refresh();
      return toQuestion(await ballots.requireQuestion(id));
    },
    /** Citizens' votes on a question (the votes module's, in the question's words). */
    votes: ballots,
    /** Admin: put a text of the upcoming agenda to citizens now (or move its closing time). */
    async create(dossierRef: string, closesAt?: string): Promise<Question> {
      const clock = await deps.agenda.clock();
      const text = groupByText(await deps.agenda.upcoming(clock)).find((t) => t.dossierRef === dossierRef);
      if (!text) {
        throw new AppError('no_vote_expected', `No upcoming sitting of the agenda leads to a vote on ${dossierRef}: there is nothing to put to citizens`, {
          status: 422, extras: { param: 'dossierRef' },
        });
      }
      const now = deps.now().getTime();
      const replayOf = clock.source === 'snapshot' ? clock.asOfDate : null;
      const start = Date.parse(text.decisiveStart);
      const at = closesAt !== undefined ? Date.parse(closesAt) : replayOf ? now + (start - clock.now.getTime()) : start;
      if (at <= now) throw AppError.badRequest('closesAt: expected a time in the future', { param: 'closesAt' });
      const sitting = await deps.agenda.repo.sitting(text.decisiveSittingUid);
      const id = await open(text, sitting?.legislature ?? 0, at, replayOf);
      if (closesAt !== undefined) {
        await repo.setClosesAt(id, at);
        await votes.setWindow(id, { closesAt: new Date(at).toISOString() });
      }
      return toQuestion((await repo.get(id))!);
    },
    /** What citizens had decided before this scrutin, if it is linked to a question. */
    async forScrutin(scrutinUid: string, k: number): Promise<ScrutinMandate> {
      await refresh();
      const link = await repo.linkOf(scrutinUid);
      const q = link ? await repo.get(link.questionId) : undefined;
      if (!link || !q) return { scrutinUid, question: null, link: null, mandate: null, parallel: null };
      const mandate = mandateOf(q);
      return {
        scrutinUid,
        question: { id: q.id, title: q.title, closesAt: new Date(q.closesAt).toISOString() },
        link: toLink(link),
        mandate,
        parallel: mandate && link.role === 'final' ? await parallelOf(scrutinUid, mandate, k) : null,
      };
    },
    async questionOnText(dossierRef: string, sittingUid: string): Promise<string | null> {
      const q = await repo.get(questionIdOf(sittingUid, dossierRef));
      return q ? q.id : null;
    },
  };
}

export type QuestionsService = ReturnType<typeof createQuestionsService>;
