import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { RoomAction, RoomView } from '@parallele/core';
import { CopyField } from '../../../components/copy-field';
import { deleteRoom, download } from '../api';
import { facilitatorKey, keepFacilitatorKey } from '../identity';
import { useRoomSocket } from '../socket';
import { FinalScores, QuestionHeader, Timer } from './shared';
import { RevealPanel } from './reveal-panel';
import { TeamEditor } from './team-editor';

/** The key comes in the link's fragment (never sent to a server or a referrer), then stays on the device. */
function useFacilitatorKey(code: string): string | null {
  const { hash } = useLocation();
  const fromLink = /cle=(f_[A-Za-z0-9_-]+)/.exec(hash)?.[1] ?? null;
  if (fromLink) keepFacilitatorKey(code, fromLink);
  return fromLink ?? facilitatorKey(code);
}

export function FacilitatorPage() {
  const { t } = useTranslation();
  const code = (useParams().code ?? '').toUpperCase();
  const key = useFacilitatorKey(code);
  const room = useRoomSocket(code, { token: key });
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  if (!key) return <main className="page"><p role="alert">{t('rooms.console.missingKey')}</p></main>;
  if (deleted) return <main className="page"><p role="status">{t('rooms.console.deleted')}</p></main>;
  const v = room.view;
  if (!v) return <main className="page"><p>{room.error ?? t('common.loading')}</p></main>;
  const act = (a: RoomAction) => room.action(a).then(() => setError(null), (e: Error) => setError(e.message));
  const origin = globalThis.location?.origin ?? '';
  return (
    <div className="page room-console">
      <h1>{t('rooms.console.title')} · {v.title}</h1>
      <div className="grid-2">
        <section className="card">
          <h2>{t('rooms.console.code')} : <span className="room-code-inline">{code}</span></h2>
          <CopyField label={t('rooms.console.join')} value={`${origin}/salle/${code}`} />
          <p><a href={`/salle/${code}/projection`} target="_blank" rel="noreferrer">{t('rooms.console.projector')}</a></p>
          <p className="muted small">{t('rooms.console.secret')}</p>
        </section>
        <section className="card">
          <h2>{t(`rooms.phase.${v.stage}`)}</h2>
          <Controls view={v} act={act} />
          {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
        </section>
      </div>
      {v.question && v.stage !== 'finished' ? <QuestionHeader view={v} /> : null}
      <Timer view={v} />
      {v.stage === 'revelation' ? <RevealPanel view={v} width={440} /> : null}
      {v.stage === 'finished' ? <FinalScores view={v} /> : null}
      <section className="card">
        <h2>{t('rooms.console.participants', { count: v.counts.participants })}</h2>
        <ul className="room-people">
          {v.participants.filter((p) => p.status !== 'kicked').map((p) => (
            <li key={p.id}>
              <span>{p.pseudonym}</span>
              {p.voted !== null ? <span className={p.voted ? 'voted' : 'muted'}>{p.voted ? t('rooms.console.voted') : t('rooms.console.notVoted')}</span> : null}
              {p.teamId ? <span className="muted">{v.teams.find((x) => x.id === p.teamId)?.name}</span> : null}
              <button type="button" className="button button-secondary small" onClick={() => void act({ type: 'kick', participantId: p.id })}>{t('rooms.console.kick')}</button>
            </li>
          ))}
        </ul>
      </section>
      {v.stage === 'lobby' || v.stage === 'presentation' || v.stage === 'revelation' ? (
        // remounted when the teams in play change, so it starts from them
        <TeamEditor key={[...v.teams.map((x) => `${x.id}=${x.name}`), ...v.participants.map((p) => `${p.id}:${p.teamId ?? ''}`)].join()} view={v} act={act} />
      ) : null}
      <section className="card">
        <h2>{t('rooms.console.download')}</h2>
        <p>
          <button type="button" className="button button-secondary" onClick={() => void download(code, key, 'export.csv').catch((e: Error) => setError(e.message))}>{t('rooms.console.csv')}</button>{' '}
          <button type="button" className="button button-secondary" onClick={() => void download(code, key, 'report.html').catch((e: Error) => setError(e.message))}>{t('rooms.console.report')}</button>
        </p>
        <p>
          <button type="button" className="button button-secondary" disabled={v.closed} onClick={() => void act({ type: 'close' })}>{t('rooms.console.close')}</button>{' '}
          <button type="button" className="button button-danger" onClick={() => { if (globalThis.confirm(t('rooms.console.confirmDelete'))) void deleteRoom(code, key).then(() => setDeleted(true), (e: Error) => setError(e.message)); }}>{t('rooms.console.delete')}</button>
        </p>
      </section>
    </div>
  );
}

function Controls({ view: v, act }: { view: RoomView; act: (a: RoomAction) => Promise<void> }) {
  const { t } = useTranslation();
  const [k, setK] = useState(v.kSetting === null ? '' : String(v.kSetting));
  const label =
    v.stage === 'lobby' ? t('rooms.console.start') : v.stage === 'vote' ? t('rooms.console.reveal') : v.stage === 'revelation' ? (v.index + 1 < v.total ? t('rooms.console.nextQuestion') : t('rooms.console.finish')) : t('rooms.console.next');
  const timed = v.stage === 'presentation' || v.stage === 'debat' || v.stage === 'vote';
  return (
    <div className="room-controls">
      {v.stage !== 'finished' && !v.closed ? <button type="button" className="button room-advance" onClick={() => void act({ type: 'advance' })}>{label}</button> : null}
      {v.stage === 'vote' ? <p className="room-count">{t('rooms.room.votes', { voted: v.counts.voted, count: v.counts.participants })}</p> : null}
      {timed ? (
        <p role="group" aria-label={t('rooms.console.timer')}>
          {t('rooms.console.timer')} :{' '}
          {[30, 60, 120, 300].map((s) => <button key={s} type="button" className="button button-secondary small" onClick={() => void act({ type: 'setTimer', seconds: s })}>{s < 60 ? `${s} s` : `${s / 60} min`}</button>)}{' '}
          <button type="button" className="button button-secondary small" onClick={() => void act({ type: 'setTimer', seconds: null })}>{t('rooms.console.noTimer')}</button>
        </p>
      ) : null}
      <form onSubmit={(e) => { e.preventDefault(); void act({ type: 'setK', k: k.trim() === '' ? null : Number(k) }); }}>
        <label htmlFor="room-k">{t('rooms.create.k')}</label>{' '}
        <input id="room-k" type="number" min={0} max={2000} value={k} onChange={(e) => setK(e.target.value)} placeholder={String(v.k)} />{' '}
        <button type="submit" className="button button-secondary small">{t('rooms.console.setK')}</button>
      </form>
      {v.stage === 'lobby' || v.stage === 'presentation' || v.stage === 'revelation' ? (
        <p role="group" aria-label={t('rooms.console.teams')}>
          {[2, 3, 4].map((n) => (
            <button key={n} type="button" className="button button-secondary small" onClick={() => void act({ type: 'setTeams', teams: Array.from({ length: n }, (_, i) => ({ name: `${t('rooms.console.teams')} ${i + 1}`, groupRef: null })), members: {}, seed: Date.now() % 100000 })}>
              {t('rooms.console.makeTeams', { count: n })}
            </button>
          ))}{' '}
          {v.question && v.question.groups.length > 1 ? (
            <button type="button" className="button button-secondary small" onClick={() => void act({ type: 'setTeams', teams: [...v.question!.groups].slice(0, 8).map((g) => ({ name: g.label, groupRef: g.ref })), members: {}, seed: Date.now() % 100000 })}>
              {t('rooms.console.groupTeams')}
            </button>
          ) : null}{' '}
          <button type="button" className="button button-secondary small" onClick={() => void act({ type: 'setTeams', teams: [], members: {}, seed: 1 })}>{t('rooms.console.noTeams')}</button>
        </p>
      ) : null}
    </div>
  );
}
