import { Link, useSearchParams } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { AsyncView, ErrorNotice } from '../../../components/status';
import { useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchScrutins } from '../../scrutins';
import { ScrutinList } from '../../scrutins';
import { fetchLeverage } from '../../legislature';
import { UpcomingAgenda } from '../../agenda';
import { FamousVotes } from './famous-votes';
import { usePageTitle } from '../../../lib/page-title';

const HEADLINE_K = 10;
const LEGISLATURE = 17;

function LeverageHeadline() {
  const { t } = useTranslation();
  const f = useFormat();
  const leverage = useResource(`leverage-${LEGISLATURE}-${HEADLINE_K}`, () => fetchLeverage(LEGISLATURE, [HEADLINE_K]));
  if (leverage.status === 'error') return <ErrorNotice error={leverage.error} onRetry={leverage.reload} />;
  const n = leverage.data?.flippable[String(HEADLINE_K)];
  return (
    <p className="headline" aria-live="polite" data-testid="leverage-headline">
      {leverage.data && n !== undefined ? (
        <Trans
          i18nKey="home.leverage"
          values={{ k: f.n(HEADLINE_K), n: f.n(n), m: f.n(leverage.data.scrutins), legislature: LEGISLATURE }}
          components={{ strong: <strong /> }}
        />
      ) : (
        <span className="muted">{t('common.loading')}</span>
      )}
    </p>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitle.home'));
  const [params] = useSearchParams();
  const latest = useResource('latest', () => fetchScrutins({ legislature: LEGISLATURE, sort: '-date', pageSize: 6 }));
  const closest = useResource('closest', () => fetchScrutins({ legislature: LEGISLATURE, sort: 'closeness', pageSize: 6 }));
  const verification = params.get('emailVerification');
  return (
    <div className="page">
      {verification ? (
        <div className={`notice ${verification === 'ok' ? 'notice-success' : 'notice-error'}`} role="status">
          {verification === 'ok' ? t('account.verified') : t('common.error')}
        </div>
      ) : null}
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <LeverageHeadline />
        <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', marginTop: '1rem' }}>
          <Link className="button" to={`/legislature/${LEGISLATURE}?k=${HEADLINE_K}`} style={{ background: '#fff', color: '#1b2a4a', borderColor: '#fff' }}>
            {t('home.leverageLink')} →
          </Link>
          <Link className="button button-secondary" to="/scrutins" style={{ background: 'transparent', color: '#fff', borderColor: '#c9d3ea' }}>
            {t('home.explore')}
          </Link>
        </p>
      </section>
      <UpcomingAgenda />
      <FamousVotes />
      <div className="grid-2">
        <section aria-labelledby="home-latest">
          <h2 id="home-latest">{t('home.latest')}</h2>
          <AsyncView resource={latest}>{(data) => <ScrutinList items={data.items} />}</AsyncView>
        </section>
        <section aria-labelledby="home-closest">
          <h2 id="home-closest">{t('home.closest')}</h2>
          <p className="muted small">{t('home.closestHint')}</p>
          <AsyncView resource={closest}>{(data) => <ScrutinList items={data.items} />}</AsyncView>
        </section>
      </div>
      <p>
        <Link to="/scrutins">{t('home.explore')} →</Link>
      </p>
    </div>
  );
}
