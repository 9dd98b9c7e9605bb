import type { Db } from '../../db/client';

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

const COLUMNS = `id, legislature, dossier_ref AS dossierRef, sitting_uid AS sittingUid, point_uid AS pointUid, title, vote_kind AS voteKind,
  opened_at AS openedAt, closes_at AS closesAt, sitting_start AS sittingStart, replay_of AS replayOf, frozen_at AS frozenAt, mandate_pour AS mandatePour, mandate_contre AS mandateContre,
  mandate_abstention AS mandateAbstention`;
const LINK_COLUMNS = `l.scrutin_uid AS scrutinUid, l.question_id AS questionId, l.method, l.score_pct AS score, l.role,
  l.amendement_uid AS amendementUid, l.amendement_numero AS amendementNumero, s.titre, s.date, s.outcome`;

export function questionsRepository(db: Db) {
  const { sqlite } = db;
  return {
    insert(q: Omit<QuestionRow, 'frozenAt' | 'mandatePour' | 'mandateContre' | 'mandateAbstention'>): boolean {
      return (
        sqlite
          .prepare(
            `INSERT INTO platform_questions (id, legislature, dossier_ref, sitting_uid, point_uid, title, vote_kind, opened_at, closes_at, sitting_start, replay_of)
             VALUES (@id, @legislature, @dossierRef, @sittingUid, @pointUid, @title, @voteKind, @openedAt, @closesAt, @sittingStart, @replayOf)
             ON CONFLICT (id) DO NOTHING`,
          )
          .run(q).changes > 0
      );
    },
    get(id: string): QuestionRow | undefined {
      return sqlite.prepare<[string], QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions WHERE id = ?`).get(id);
    },
    all(legislature?: number): QuestionRow[] {
      return legislature === undefined
        ? sqlite.prepare<[], QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions ORDER BY closes_at, id`).all()
        : sqlite.prepare<[number], QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions WHERE legislature = ? ORDER BY closes_at, id`).all(legislature);
    },
    unfrozen(): QuestionRow[] {
      return sqlite.prepare<[], QuestionRow>(`SELECT ${COLUMNS} FROM platform_questions WHERE frozen_at IS NULL`).all();
    },
    setClosesAt(id: string, closesAt: number): void {
      sqlite.prepare('UPDATE platform_questions SET closes_at = ? WHERE id = ?').run(closesAt, id);
    },
    /** Freezes the split once: a frozen mandate is never rewritten. */
    freeze(id: string, at: number, split: { pour: number; contre: number; abstention: number }): void {
      sqlite
        .prepare('UPDATE platform_questions SET frozen_at = ?, mandate_pour = ?, mandate_contre = ?, mandate_abstention = ? WHERE id = ? AND frozen_at IS NULL')
        .run(at, split.pour, split.contre, split.abstention, id);
    },
    dossiers(): Set<string> {
      return new Set(sqlite.prepare<[], { d: string }>('SELECT DISTINCT dossier_ref AS d FROM platform_questions').all().map((r) => r.d));
    },
    /**
     * Scrutins not linked yet, held in a sitting whose agenda names a text some question is about,
     * or where an amendement to such a text was discussed (every other scrutin cannot link: this
     * runs before every read, so it must stay cheap).
     */
    unlinkedScrutins(): { uid: string; titre: string; type: string; seanceRef: string; startAt: number }[] {
      return sqlite
        .prepare<[], { uid: string; titre: string; type: string; seanceRef: string; startAt: number }>(
          `SELECT s.uid, s.titre, s.type, s.seance_ref AS seanceRef, a.start_at AS startAt
             FROM agenda_sittings a JOIN scrutins s ON s.seance_ref = a.uid
             LEFT JOIN question_links l ON l.scrutin_uid = s.uid
            WHERE l.scrutin_uid IS NULL
              AND (a.uid IN (SELECT p.sitting_uid FROM agenda_points p JOIN platform_questions q ON q.dossier_ref = p.dossier_ref)
                OR a.uid IN (SELECT am.seance_ref FROM amendements am JOIN platform_questions q ON q.dossier_ref = am.dossier_ref))`,
        )
        .all();
    },
    addLink(
      link: { scrutinUid: string; questionId: string; method: string; score: number | null; role: 'final' | 'other'; amendement?: { uid: string; numero: string } },
      at: number,
    ): void {
      sqlite
        .prepare(
          `INSERT INTO question_links (scrutin_uid, question_id, method, score_pct, role, amendement_uid, amendement_numero, linked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(link.scrutinUid, link.questionId, link.method, link.score, link.role, link.amendement?.uid ?? null, link.amendement?.numero ?? null, at);
    },
    linksOf(questionId: string): LinkRow[] {
      return sqlite
        .prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM question_links l JOIN scrutins s ON s.uid = l.scrutin_uid WHERE l.question_id = ? ORDER BY s.date, s.numero`)
        .all(questionId);
    },
    linkOf(scrutinUid: string): LinkRow | undefined {
      return sqlite.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM question_links l JOIN scrutins s ON s.uid = l.scrutin_uid WHERE l.scrutin_uid = ?`).get(scrutinUid);
    },
  };
}

export type QuestionsRepository = ReturnType<typeof questionsRepository>;
