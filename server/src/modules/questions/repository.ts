import type { Db } from '../../db/types';

/** Storage of the platform's questions and of the links from real scrutins to them. */

export interface QuestionRow {
  id: string;
  legislature: number;
  dossierRef: string;
  sittingUid: string;
  pointUid: string;
  title: string;
  voteKind: string;
  openedAt: number;
  closesAt: number;
  sittingStart: string | null;
  replayOf: string | null;
  frozenAt: number | null;
  mandatePour: number | null;
  mandateContre: number | null;
  mandateAbstention: number | null;
}

export interface LinkRow {
  scrutinUid: string;
  questionId: string;
  method: string;
  score: number | null;
  role: 'final' | 'other';
  amendementUid: string | null;
  amendementNumero: string | null;
  titre: string;
  date: string;
  outcome: 'adopté' | 'rejeté';
}

const COLUMNS = `id, legislature, dossier_ref AS "dossierRef", sitting_uid AS "sittingUid", point_uid AS "pointUid", title, vote_kind AS "voteKind",
  opened_at AS "openedAt", closes_at AS "closesAt", sitting_start AS "sittingStart", replay_of AS "replayOf", frozen_at AS "frozenAt", mandate_pour AS "mandatePour", mandate_contre AS "mandateContre",
  mandate_abstention AS "mandateAbstention"`;
const LINK_COLUMNS = `l.scrutin_uid AS "scrutinUid", l.question_id AS "questionId", l.method, l.score_pct AS score, l.role,
  l.amendement_uid AS "amendementUid", l.amendement_numero AS "amendementNumero", s.titre, s.date, s.outcome`;

type ScrutinToLink = { uid: string; titre: string; type: string; seanceRef: string; startAt: number };

export function questionsRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  return {
    async insert(q: Omit<QuestionRow, 'frozenAt' | 'mandatePour' | 'mandateContre' | 'mandateAbstention'>): Promise<boolean> {
      const r = await store.run(
        `INSERT INTO platform_questions (id, legislature, dossier_ref, sitting_uid, point_uid, title, vote_kind, opened_at, closes_at, sitting_start, replay_of)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [q.id, q.legislature, q.dossierRef, q.sittingUid, q.pointUid, q.title, q.voteKind, q.openedAt, q.closesAt, q.sittingStart ?? null, q.replayOf ?? null],
      );
      return r.changes > 0;
    },
    get(id: string): Promise<QuestionRow | undefined> {
      return store.get<QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions WHERE id = ?`, [id]);
    },
    all(legislature?: number): Promise<QuestionRow[]> {
      return legislature === undefined
        ? store.all<QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions ORDER BY closes_at, id`)
        : store.all<QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions WHERE legislature = ? ORDER BY closes_at, id`, [legislature]);
    },
    unfrozen(): Promise<QuestionRow[]> {
      return store.all<QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions WHERE frozen_at IS NULL`);
    },
    async setClosesAt(id: string, closesAt: number): Promise<void> {
      await store.run('UPDATE platform_questions SET closes_at = ? WHERE id = ?', [closesAt, id]);
    },
    /** Freezes the split once: a frozen mandate is never rewritten. */
    async freeze(id: string, at: number, split: { pour: number; contre: number; abstention: number }): Promise<void> {
      await store.run('UPDATE platform_questions SET frozen_at = ?, mandate_pour = ?, mandate_contre = ?, mandate_abstention = ? WHERE id = ? AND frozen_at IS NULL', [
        at, split.pour, split.contre, split.abstention, id,
      ]);
    },
    async dossiers(): Promise<Set<string>> {
      return new Set((await store.all<{ d: string }>('SELECT DISTINCT dossier_ref AS d FROM platform_questions')).map((r) => r.d));
    },
    /**
     * Scrutins not linked yet, held in a sitting whose agenda names a text some question is about,
     * or where an amendement to such a text was discussed (every other scrutin cannot link: this
     * runs before every read, so it must stay cheap).
     */
    unlinkedScrutins(): Promise<ScrutinToLink[]> {
      return store.all<ScrutinToLink>(
        `SELECT s.uid, s.titre, s.type, s.seance_ref AS "seanceRef", a.start_at AS "startAt"
           FROM agenda_sittings a JOIN scrutins s ON s.seance_ref = a.uid
           LEFT JOIN question_links l ON l.scrutin_uid = s.uid
          WHERE l.scrutin_uid IS NULL
            AND (a.uid IN (SELECT p.sitting_uid FROM agenda_points p JOIN platform_questions q ON q.dossier_ref = p.dossier_ref)
              OR a.uid IN (SELECT am.seance_ref FROM amendements am JOIN platform_questions q ON q.dossier_ref = am.dossier_ref))`,
      );
    },
    async addLink(
      link: { scrutinUid: string; questionId: string; method: string; score: number | null; role: 'final' | 'other'; amendement?: { uid: string; numero: string } },
      at: number,
    ): Promise<void> {
      await store.run(
        `INSERT INTO question_links (scrutin_uid, question_id, method, score_pct, role, amendement_uid, amendement_numero, linked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [link.scrutinUid, link.questionId, link.method, link.score, link.role, link.amendement?.uid ?? null, link.amendement?.numero ?? null, at],
      );
    },
    linksOf(questionId: string): Promise<LinkRow[]> {
      return store.all<LinkRow>(`SELECT ${LINK_COLUMNS} FROM question_links l JOIN scrutins s ON s.uid = l.scrutin_uid WHERE l.question_id = ? ORDER BY s.date, s.numero`, [questionId]);
    },
    linkOf(scrutinUid: string): Promise<LinkRow | undefined> {
      return store.get<LinkRow>(`SELECT ${LINK_COLUMNS} FROM question_links l JOIN scrutins s ON s.uid = l.scrutin_uid WHERE l.scrutin_uid = ?`, [scrutinUid]);
    },
  };
}

export type QuestionsRepository = ReturnType<typeof questionsRepository>;
