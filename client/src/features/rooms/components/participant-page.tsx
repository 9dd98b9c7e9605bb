import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { BallotChoice, Prediction, RoomView } from '@parallele/core';
import type { ApiError } from '../../../lib/api';
import { joinRoom } from '../api';
import { keepParticipantToken, participantToken } from '../identity';
import { useRoomSocket } from '../socket';
import { FinalScores, QuestionHeader, Timer } from './shared';
import { RevealPanel } from './reveal-panel';
import { TeamPicker } from './team-picker';

/** The phone screen: join with a pseudonym, then follow the phases with one thumb. */
export function ParticipantPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const [token, setToken] = useState(() => participantToken(code));
  return token ? <Playing code={code} token={token} onLost={() => { keepParticipantToken(code, null); setToken(null); }} /> : <JoinForm code={code} onJoined={(t) => { keepParticipantToken(code, t); setToken(t); }} />;
}

function JoinForm({ code, onJoined }: { code: string; onJoined: (token: string) => void }) {
  const { t } = useTranslation();
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onJoined((await joinRoom(code, pseudonym)).token);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const suggestion = (error?.problem as { suggestion?: string } | null | undefined)?.suggestion;
  return (
    <main className="room-phone">
      <form onSubmit={submit} className="room-join">
        <h1>{t('rooms.joinForm.title', { code })}</h1>
        <label htmlFor="pseudonym">{t('rooms.joinForm.pseudonym')}</label>
        <input id="pseudonym" value={pseudonym} maxLength={24} autoComplete="nickname" onChange={(e) => setPseudonym(e.target.value)} required minLength={2} />
        <p className="muted small">{t('rooms.joinForm.hint')}</p>
        {error ? <p role="alert" className="notice notice-error">{error.message}</p> : null}
        {suggestion ? <button type="button" className="button button-secondary" onClick={() => setPseudonym(suggestion)}>{t('rooms.joinForm.suggestion', { name: suggestion })}</button> : null}
        <button type="submit" className="button room-thumb">{t('rooms.joinForm.submit')}</button>
      </form>
    </main>
  );
}

function Playing({ code, token, onLost }: { code: string; token: string; onLost: () => void }) {
  const { t } = useTranslation();
  const room = useRoomSocket(code, { token });
  const v = room.view;
  if (room.ended?.reason === 'kicked') return <main className="room-phone"><p role="alert">{t('rooms.room.kicked')}</p></main>;
  if (room.ended && room.ended.reason !== 'closed') return <main className="room-phone"><p role="status">{t('rooms.room.closed')}</p></main>;
  if (!v && room.error) {
    return (
      <main className="room-phone">
        <p role="alert" className="notice notice-error">{room.error}</p>
        <button type="button" className="button" onClick={onLost}>{t('rooms.joinForm.submit')}</button>
      </main>
    );
  }
  if (!v) return <main className="room-phone"><p>{t('common.loading')}</p></main>;
  return (
    <main className="room-phone" data-stage={v.stage}>
      <p className="room-me"><strong>{v.me?.pseudonym}</strong> · {code}</p>
      {v.closed ? <p className="notice">{t('rooms.room.closed')}</p> : null}
      {v.stage === 'lobby' ? <p className="room-big">{t('rooms.room.waiting')}</p> : null}
      <TeamPicker view={v} code={code} token={token} />
      {v.stage !== 'lobby' && v.stage !== 'finished' ? <QuestionHeader view={v} /> : null}
      <Timer view={v} />
      {v.stage === 'presentation' || v.stage === 'debat' ? <p className="muted">{t('rooms.vote.notYet')}</p> : null}
      {v.stage === 'vote' && !v.closed ? <Ballot view={v} send={(choice, prediction) => room.vote({ index: v.index, choice, prediction })} /> : null}
      {v.stage === 'revelation' ? <RevealPanel view={v} width={320} /> : null}
      {v.stage === 'revelation' && v.me?.groupPosition ? (
        <p className="room-group">
          {t('rooms.reveal.group', { group: v.teams.find((x) => x.id === v.me?.teamId)?.name ?? '', position: t(`position.${v.me.groupPosition.position}`), share: Math.round(v.me.groupPosition.discipline * 100) })}
        </p>
      ) : null}
      {v.stage === 'finished' ? (
        <>
          <p className="room-big">{t('rooms.final.yourScore', { correct: v.me?.score.correct ?? 0, predicted: v.me?.score.predicted ?? 0 })}</p>
          <FinalScores view={v} />
        </>
      ) : null}
    </main>
  );
}

function Ballot({ view, send }: { view: RoomView; send: (choice: BallotChoice, prediction: Prediction | null) => Promise<RoomView> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const mine = view.me?.ballot ?? null;
  const [prediction, setPrediction] = useState<Prediction | null>(mine?.prediction ?? null);
  const q = view.question!;
  const cast = (choice: BallotChoice, p: Prediction | null) => send(choice, p).then(() => setError(null), (e: Error) => setError(e.message));
  const choices: { value: BallotChoice; label: string }[] =
    q.kind === 'vote'
      ? (['pour', 'contre', 'abstention'] as const).map((c) => ({ value: c, label: t(`rooms.vote.${c}`) }))
      : [...q.candidates.flatMap((c, i) => (c.selectable ? [{ value: i as BallotChoice, label: c.name }] : [])), { value: 'blanc', label: t('rooms.vote.blanc') }];
  const predictions: { value: Prediction; label: string }[] =
    q.kind === 'vote'
      ? (['adopté', 'rejeté'] as const).map((p) => ({ value: p, label: t(`rooms.vote.${p}`) }))
      : [...q.candidates.map((c, i) => ({ value: i as Prediction, label: c.name })), { value: 'aucun', label: t('rooms.vote.aucun') }];
  const labelOf = (c: BallotChoice) => choices.find((x) => x.value === c)?.label ?? String(c);
  return (
    <section className="room-ballot">
      <div className="room-choices" role="group" aria-label={t('rooms.phase.vote')}>
        {choices.map((c) => (
          <button key={String(c.value)} type="button" className={`button room-thumb choice-${String(c.value)}`} aria-pressed={mine?.choice === c.value} onClick={() => void cast(c.value, prediction)}>
            {c.label}
          </button>
        ))}
      </div>
      {mine ? <p role="status" className="room-recorded">{t('rooms.vote.recorded', { choice: labelOf(mine.choice) })}</p> : null}
      <fieldset className="room-predict">
        <legend>{q.kind === 'vote' ? t('rooms.vote.predict') : t('rooms.vote.predictElection')}</legend>
        {predictions.map((p) => (
          <button key={String(p.value)} type="button" className="button button-secondary" aria-pressed={prediction === p.value} onClick={() => { setPrediction(p.value); if (mine) void cast(mine.choice, p.value); }}>
            {p.label}
          </button>
        ))}
      </fieldset>
      {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
    </section>
  );
}
