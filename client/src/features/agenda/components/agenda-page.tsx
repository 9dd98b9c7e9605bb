import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertSubscriptions, Question } from '@parallele/core';
import { AsyncView, ErrorNotice } from '../../../components/status';
import { capitalise, useFormat } from '../../../lib/format';
import { toApiError, type ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { useAccountStore } from '../../account';
import { VotePanel, type QuestionWording } from '../../votes';
import { fetchAlerts, fetchQuestions, fetchUpcoming, putAlerts } from '../api';
import { AsOfLabel, UpcomingTexts, useDateTime } from './upcoming-agenda';

function AlertsToggle({ dossierRef }: { dossierRef: string }) {
  const { t } = useTranslation();
  const me = useAccountStore((s) => s.me);
  const [subs, setSubs] = useState<AlertSubscriptions | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (me) fetchAlerts().then(setSubs, (e: unknown) => setError(toApiError(e)));
  }, [me]);
  if (!me) return <p className="small muted">{t('agenda.alerts.login')}</p>;
  if (!subs) return error ? <ErrorNotice error={error} /> : null;
  const mode = subs.solemn ? 'solemn' : subs.texts.includes(dossierRef) ? 'text' : 'none';
  const choose = (next: 'solemn' | 'text' | 'none') => {
    const texts = subs.texts.filter((d) => d !== dossierRef);
    const body = next === 'solemn' ? { solemn: true, texts } : next === 'text' ? { solemn: false, texts: [...texts, dossierRef] } : { solemn: false, texts };
    putAlerts(body).then(setSubs, (e: unknown) => setError(toApiError(e)));
  };
  return (
    <fieldset className="small" style={{ border: 0, padding: 0 }}>
      <legend>{t('agenda.alerts.title')}</legend>
      {(['solemn', 'text', 'none'] as const).map((m) => (
        <label key={m} style={{ marginRight: '1rem' }}>
          <input type="radio" name={`alerts-${dossierRef}`} checked={mode === m} onChange={() => choose(m)} data-testid={`alerts-${m}`} /> {t(`agenda.alerts.${m}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** Why a question is (or will be) closed, in its own words: its sitting started, not "the deputies voted". */
function useQuestionWording(q: Question): QuestionWording {
  const { t } = useTranslation();
  const when = useDateTime();
  const replay = q.replayOf !== null;
  const sitting = q.sittingStart ? when(q.sittingStart, replay) : null;
  const timeUp = Date.parse(q.closesAt) <= Date.now();
  const closed =
    q.window.status === 'closed' && !timeUp
      ? t('agenda.question.closedVoted')
      : q.replayOf && sitting
        ? t('agenda.question.closedReplay', { date: when(q.closesAt, true), sitting })
        : sitting && q.sittingStart && Date.parse(q.sittingStart) === Date.parse(q.closesAt)
          ? t('agenda.question.closedSitting', { date: sitting })
          : t('agenda.question.closedAt', { date: when(q.closesAt) });
  return { title: t('agenda.question.title'), prompt: t('agenda.question.prompt'), backTo: `/agenda#${q.id}`, closed };
}

function QuestionCard({ q }: { q: Question }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const wording = useQuestionWording(q);
  const f = useFormat();
  return (
    <article id={q.id} className="card" data-testid="question" data-question={q.id}>
      <p className="eyebrow">
        {t(`agenda.kind.${q.voteKind}`)} · {q.window.status === 'open' ? t('agenda.closesAt', { date: when(q.closesAt, q.replayOf !== null) }) : t('agenda.closed')}
      </p>
      <h3>{capitalise(q.title)}</h3>
      {q.replayOf && q.sittingStart ? (
        <p className="notice small" role="note" data-testid="question-replay">
          {t('agenda.question.replay', { asOf: f.date(q.replayOf), sitting: when(q.sittingStart, true), date: when(q.closesAt, true) })}
        </p>
      ) : null}
      <VotePanel uid={q.id} compact question={wording} />
      <AlertsToggle dossierRef={q.dossierRef} />
    </article>
  );
}

/** /agenda: the upcoming business grouped by text, and the questions citizens vote on before the deputies. */
export function AgendaPage() {
  const { t } = useTranslation();
  const upcoming = useResource('agenda-upcoming', fetchUpcoming);
  const questions = useResource('agenda-questions', fetchQuestions);
  return (
    <div className="page">
      <h1>{t('agenda.title')}</h1>
      <p>{t('agenda.intro')}</p>
      <AsyncView resource={questions}>
        {(data) => (
          <div style={{ display: 'grid', gap: '1rem', marginBottom: '2rem' }}>
            {data.questions.filter((q) => q.window.status === 'open').map((q) => <QuestionCard key={q.id} q={q} />)}
          </div>
        )}
      </AsyncView>
      <AsyncView resource={upcoming}>
        {(data) => (
          <>
            <AsOfLabel clock={data.clock} />
            <UpcomingTexts data={data} />
          </>
        )}
      </AsyncView>
    </div>
  );
}
