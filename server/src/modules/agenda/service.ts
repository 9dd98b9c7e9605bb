import { agendaClock, groupByText, upcomingSittings, type AgendaClock, type AgendaSitting, type UpcomingAgendaResponse } from '@parallele/core';
import type { Db } from '../../db/client';
import { agendaRepository } from './repository';

export interface AgendaServiceDeps {
  db: Db;
  now: () => Date;
  /** the AS_OF setting, when the server replays an instant */
  asOf: string | undefined;
  /** the open question on a text's decisive sitting, if any (the questions module answers) */
  questionOf?: (dossierRef: string, sittingUid: string) => Promise<string | null>;
}

/** How far ahead the agenda is read: the AN publishes three to four weeks of it. */
const HORIZON_SITTINGS = 200;

export function createAgendaService(deps: AgendaServiceDeps) {
  const repo = agendaRepository(deps.db);

  async function clock(): Promise<AgendaClock> {
    const snapshot = await repo.snapshotAt();
    return agendaClock(deps.now(), deps.asOf === undefined ? null : new Date(deps.asOf), snapshot === null ? null : new Date(snapshot));
  }

  async function upcoming(at?: AgendaClock): Promise<AgendaSitting[]> {
    const when = at ?? (await clock());
    return upcomingSittings(await repo.sittingsAfter(when.now.getTime(), HORIZON_SITTINGS), when.now);
  }

  return {
    repo,
    clock,
    upcoming,
    async upcomingResponse(): Promise<UpcomingAgendaResponse> {
      const at = await clock();
      const sittings = await upcoming(at);
      const texts = groupByText(sittings);
      const questions = await Promise.all(texts.map(async (t) => (await deps.questionOf?.(t.dossierRef, t.decisiveSittingUid)) ?? null));
      return {
        clock: { now: at.now.toISOString(), source: at.source, asOfDate: at.asOfDate },
        sittings: sittings.map((s) => ({
          uid: s.uid,
          start: s.start,
          state: s.state,
          points: s.points.map((p) => ({
            uid: p.uid, type: p.type, objet: p.objet, dossierRef: p.dossierRef, tentative: p.tentative,
            voteExpected: p.voteExpected !== null, voteKind: p.voteExpected,
          })),
        })),
        texts: texts.map((t, i) => ({
          dossierRef: t.dossierRef, title: t.title, voteKind: t.voteKind, decisiveSittingUid: t.decisiveSittingUid,
          decisiveStart: t.decisiveStart, firstStart: t.firstStart,
          sittings: t.items.map((i) => ({ uid: i.sittingUid, start: i.start, type: i.point.type, voteKind: i.point.voteExpected!, tentative: i.point.tentative })),
          questionId: questions[i] ?? null,
        })),
      };
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
