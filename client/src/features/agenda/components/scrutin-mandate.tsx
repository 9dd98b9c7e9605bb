import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchMandate } from '../api';

const DEFAULT_K = 10;

/** On a scrutin page: what citizens had decided before the deputies, and the parallel result with it. */
export function ScrutinMandate({ uid, k = DEFAULT_K }: { uid: string; k?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mandate = useResource(`mandate-${uid}-${k}`, () => fetchMandate(uid, k));
  const m = mandate.data;
  if (!m || !m.question || !m.mandate || !m.link) return null;
  const pct = f.pct(m.mandate.percents[0] / 100, 0);
  return (
    <section className="card notice" aria-live="polite" data-testid="scrutin-mandate" style={{ marginBottom: '1rem' }}>
      <p>
        <strong>
          {t('agenda.mandate.before', {
            pct,
            votes: t('agenda.mandate.votes', { count: m.mandate.total, n: f.n(m.mandate.total) }),
            date: f.date(m.question.closesAt),
          })}
        </strong>
      </p>
      <p className="small">
        {t('agenda.mandate.split', { pour: f.n(m.mandate.pour), contre: f.n(m.mandate.contre), abstention: f.n(m.mandate.abstention) })} ·{' '}
        <Link to={`/agenda#${m.question.id}`}>{m.question.title}</Link>
      </p>
      {m.parallel ? (
        <p data-testid="mandate-parallel">
          {t('agenda.mandate.parallel', { k: f.n(m.parallel.k), outcome: `${t(`outcome.${m.parallel.outcome}`)} — ${m.parallel.flipped ? t('agenda.mandate.flipped') : t('agenda.mandate.same')}` })}
          {'. '}
          {m.parallel.tippingPoint !== null ? t('agenda.mandate.tipping', { k: f.n(m.parallel.tippingPoint) }) : t('agenda.mandate.noTipping')}
        </p>
      ) : (
        <p className="small muted">{t('agenda.mandate.notFinal')}</p>
      )}
      <p className="small muted" data-testid="mandate-link">
        {t('agenda.mandate.link', { method: t(`agenda.mandate.method.${m.link.method}`, { defaultValue: m.link.method }) })}
        {m.link.amendement ? ` — ${t('agenda.mandate.byAmendement', { numero: m.link.amendement.numero })}` : ''}
      </p>
    </section>
  );
}
