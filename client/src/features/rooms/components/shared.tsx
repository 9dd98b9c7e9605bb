import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '@parallele/core';

/** Pieces every room screen shows: the question, the phase, the timer, the final scores. */

export function QuestionHeader({ view, large = false }: { view: RoomView; large?: boolean }) {
  const { t } = useTranslation();
  const q = view.question;
  if (!q) return null;
  const rule =
    q.kind === 'vote' && q.voteType
      ? t(`rooms.room.needs.${q.voteType}`)
      : t('rooms.room.electionRule', { round: q.round, rule: t(q.round === 3 ? 'rooms.room.relative' : 'rooms.room.absolute') });
  return (
    <header className={large ? 'room-question room-question-large' : 'room-question'}>
      <p className="eyebrow">
        {t('rooms.room.question', { n: view.index + 1, total: view.total })} · {t(`rooms.phase.${view.stage}`)}
      </p>
      <h2>{q.title}</h2>
      {q.text && q.text !== q.title ? <p className="room-question-text">{q.text}</p> : null}
      <p className="muted">
        {q.assemblyName} · {rule}
        {q.link ? (
          <>
            {' · '}
            <a href={q.link} target="_blank" rel="noreferrer">
              {t('rooms.room.source')}
            </a>
          </>
        ) : null}
      </p>
    </header>
  );
}

/** A countdown to the phase's deadline, corrected by the server's clock. */
export function Timer({ view }: { view: RoomView }) {
  const { t } = useTranslation();
  const [, tick] = useState(0);
  const [offset] = useState(() => view.serverNow - Date.now());
  useEffect(() => {
    if (view.deadline === null) return;
    const id = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(id);
  }, [view.deadline]);
  if (view.deadline === null) return null;
  const left = Math.max(0, Math.ceil((view.deadline - (Date.now() + offset)) / 1000));
  return (
    <p className="room-timer" role="timer" aria-label={t('rooms.room.timeLeft')}>
      {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')}
    </p>
  );
}

export function FinalScores({ view }: { view: RoomView }) {
  const { t } = useTranslation();
  const s = view.scores;
  if (!s) return null;
  return (
    <section className="room-final">
      <h2>{t('rooms.final.title')}</h2>
      <p className="room-summary">{t('rooms.final.summary', { k: s.k, decisive: s.decisive, count: s.revealed })}</p>
      <h3>{t('rooms.final.leaderboard')}</h3>
      <ol className="room-leaderboard">
        {s.leaderboard.slice(0, 20).map((r) => (
          <li key={r.pseudonym}>
            <span>{r.pseudonym}</span> <strong>{t('rooms.final.score', { correct: r.correct, predicted: r.predicted })}</strong>
          </li>
        ))}
      </ol>
      {s.teams.length > 0 ? (
        <>
          <h3>{t('rooms.final.teams')}</h3>
          <ol className="room-leaderboard">
            {[...s.teams].sort((a, b) => b.correct - a.correct).map((team) => (
              <li key={team.id}>
                <span>{team.name}</span> <strong>{team.correct}</strong>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
