import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UpcomingAgendaResponse } from '@parallele/core';
import { AsyncView } from '../../../components/status';
import { capitalise, useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchUpcoming } from '../api';

const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' };

/** Weekday, day, month and time in Paris; with the year where dates of two years meet (a replay). */
export function useDateTime() {
  const f = useFormat();
  return (iso: string, withYear = false) => new Intl.DateTimeFormat(f.locale, withYear ? { ...DATE_TIME, year: 'numeric' } : DATE_TIME).format(new Date(iso));
}

/** "as of <date>" when the agenda is replayed (AS_OF) or read from an older snapshot. */
export function AsOfLabel({ clock }: { clock: UpcomingAgendaResponse['clock'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!clock.asOfDate) return null;
  const date = f.date(clock.asOfDate);
  return (
    <p className="notice" role="note" data-testid="agenda-as-of">
      <strong>{t('agenda.asOf', { date })}</strong> — {clock.source === 'as-of' ? t('agenda.asOfReplay', { date }) : t('agenda.asOfSnapshot', { date })}
    </p>
  );
}

/** The upcoming texts with a vote expected, grouped by text: date, kind of vote, the question to vote on. */
export function UpcomingTexts({ data, limit }: { data: UpcomingAgendaResponse; limit?: number }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const texts = limit ? data.texts.slice(0, limit) : data.texts;
  if (texts.length === 0) return <p className="muted">{t('agenda.empty')}</p>;
  return (
    <ul className="agenda-texts" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.75rem' }}>
      {texts.map((text) => (
        <li key={text.dossierRef} id={text.questionId ?? text.dossierRef} className="card" data-testid="agenda-text" data-dossier={text.dossierRef}>
          <p className="eyebrow">
            <span className={`badge ${text.voteKind === 'solennel' ? 'badge-adopte' : ''}`}>{t(`agenda.kind.${text.voteKind}`)}</span>{' '}
            {t('agenda.voteOn', { date: when(text.decisiveStart) })}
          </p>
          <h3 style={{ margin: '0.25rem 0' }}>{capitalise(text.title)}</h3>
          <p className="small muted">
            {t('agenda.sittings', { count: text.sittings.length })}
            {text.sittings.length > 1 ? ` · ${t('agenda.firstOn', { date: when(text.firstStart) })}` : ''}
            {text.sittings.some((s) => s.tentative) ? ` · ${t('agenda.tentative')}` : ''}
          </p>
          {text.questionId ? (
            <Link className="button" to={`/agenda#${text.questionId}`} data-testid="agenda-vote-link">
              {t('agenda.voteHere')} →
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The home page block: the next few texts and a link to the page. */
export function UpcomingAgenda() {
  const { t } = useTranslation();
  const upcoming = useResource('agenda-upcoming', fetchUpcoming);
  return (
    <section aria-labelledby="agenda-home-title" style={{ marginBottom: '2rem' }} data-testid="home-agenda">
      <h2 id="agenda-home-title">{t('agenda.title')}</h2>
      <AsyncView resource={upcoming}>
        {(data) => (
          <>
            <AsOfLabel clock={data.clock} />
            <UpcomingTexts data={data} limit={4} />
            <p>
              <Link to="/agenda">{t('agenda.seeAll')} →</Link>
            </p>
          </>
        )}
      </AsyncView>
    </section>
  );
}
