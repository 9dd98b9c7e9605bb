import { lazy, Suspense, useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { simulatorUrl } from '@parallele/core';
import { modeInWords } from '@parallele/charts';
import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../../../components/chart-frame';
import { AsyncView, ErrorNotice, Loading } from '../../../components/status';
import { capitalise, useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { OutcomeBadge } from '../../scrutins';
import { fetchFlippable, fetchLeverage } from '../api';
import { FlippableActions } from './flippable-actions';
import { usePageTitle } from '../../../lib/page-title';
import { ScrollRegion } from '../../../components/scroll-region';

const LeverageChart = lazy(() => import('@parallele/charts').then((m) => ({ default: m.LeverageChart })));

export const LEVERAGE_KS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100];
const MODES = ['proportional', 'added'] as const;

/** How many votes of a legislature a bloc of K could have tipped, and which ones. */
export function LegislaturePage() {
  const { n = '17' } = useParams();
  const legislature = Number(n);
  const { t, i18n } = useTranslation();
  usePageTitle(t('pageTitle.legislature', { n }));
  const f = useFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const k = Math.max(1, Math.min(100, Number(params.get('k')) || 10));
  const mode = params.get('mode') === 'added' ? 'added' : 'proportional';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const setParam = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, value);
      if (key !== 'page') next.delete('page');
      return next;
    }, { replace: true, preventScrollReset: true });

  const leverage = useResource(`leverage-${legislature}`, async () => Promise.all(MODES.map((m) => fetchLeverage(legislature, LEVERAGE_KS, m))));
  const atK = useResource(`leverage-${legislature}-${k}-${mode}`, () => fetchLeverage(legislature, [k], mode));
  const flippable = useResource(`flippable-${legislature}-${k}-${mode}-${page}`, () => fetchFlippable(legislature, k, mode, page));

  return (
    <div className="page">
      <h1>{t('legislature.title', { n: legislature })}</h1>
      <p style={{ maxWidth: '50rem' }}>{t('legislature.intro')}</p>
      <section className="card" aria-labelledby={`${id}-curve`}>
        <h2 id={`${id}-curve`} className="visually-hidden">
          {t('legislature.curve')}
        </h2>
        <AsyncView resource={leverage}>
          {(data) => (
            <Suspense fallback={<Loading label={t('chart.loading')} />}>
              <ChartFrame
                title={t('legislature.curve')}
                name={`leverage-L${legislature}`}
                poster={{ title: `${t('legislature.curve')} — ${t('legislature.title', { n: legislature })}`, lines: [t('legislature.intro'), MODES.map((m) => modeInWords(m, i18n.language === 'en' ? 'en' : 'fr')).join(' / ')] }}
                data={{ header: ['k', ...MODES], rows: LEVERAGE_KS.map((kk) => [kk, ...data.map((d) => d.flippable[String(kk)] ?? '')]) }}
              >
                <div data-testid="leverage-chart">
                  <LeverageChart
                    series={data.map((d, i) => ({ label: t(`sim.modes.${MODES[i]!}`), points: LEVERAGE_KS.map((kk) => ({ k: kk, flippable: d.flippable[String(kk)] ?? 0 })) }))}
                    title={t('legislature.curve')}
                    width={760}
                    height={420}
                    locale={i18n.language === 'en' ? 'en' : 'fr'}
                  />
                </div>
              </ChartFrame>
            </Suspense>
          )}
        </AsyncView>
      </section>
      <section className="card" aria-labelledby={`${id}-list`}>
        <div className="sim-controls">
          <div className="field">
            <label htmlFor={`${id}-k`}>
              {t('legislature.chooseK')}{f.colon}<span className="k-value">{f.n(k)}</span>
            </label>
            <input id={`${id}-k`} type="range" min={1} max={100} value={k} onChange={(e) => setParam('k', e.target.value)} data-testid="legislature-k" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-mode`}>{t('sim.mode')}</label>
            <select id={`${id}-mode`} value={mode} onChange={(e) => setParam('mode', e.target.value)}>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`sim.modes.${m}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="headline" style={{ color: 'var(--ink)' }} aria-live="polite" data-testid="flippable-count">
          {atK.data ? t('legislature.flippable', { n: f.n(atK.data.flippable[String(k)] ?? 0), m: f.n(atK.data.scrutins), k: f.n(k) }) : atK.status === 'error' ? null : t('common.loading')}
        </p>
        {atK.status === 'error' ? <ErrorNotice error={atK.error} onRetry={atK.reload} /> : null}
        <h2 id={`${id}-list`}>{t('legislature.list', { k: f.n(k) })}</h2>
        <FlippableActions legislature={legislature} k={k} mode={mode} />
        <AsyncView resource={flippable}>
          {(data) => (
            <>
              <ScrollRegion label={t('legislature.list', { k: f.n(k) })}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        <abbr title={t('legislature.kstarTitle')}>{t('legislature.kstar')}</abbr>
                      </th>
                      <th scope="col">{t('scrutin.date')}</th>
                      <th scope="col">{t('scrutins.outcome')}</th>
                      <th scope="col">{t('scrutins.title')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((s) => (
                      <tr key={s.uid}>
                        <td className="num">{f.n(s.tippingPoint)}</td>
                        <td>{f.date(s.date, 'short')}</td>
                        <td>
                          <OutcomeBadge outcome={s.outcome} />
                        </td>
                        <td style={{ whiteSpace: 'normal', minWidth: '16rem' }}>
                          <Link to={simulatorUrl(s.uid, { k: s.tippingPoint, split: s.outcome === 'adopté' ? [0, 100, 0] : [100, 0, 0], mode: mode === 'added' ? 'added' : undefined })}>{capitalise(s.titre)}</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              {data.total > data.pageSize ? (
                <nav className="pagination" aria-label={t('common.pageOf', { page, total: Math.ceil(data.total / data.pageSize) })} style={{ marginTop: '0.75rem' }}>
                  <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => setParam('page', String(page - 1))}>
                    ← {t('common.previous')}
                  </button>
                  <span>{t('common.pageOf', { page: f.n(page), total: f.n(Math.ceil(data.total / data.pageSize)) })}</span>
                  <button type="button" className="button button-secondary" disabled={page * data.pageSize >= data.total} onClick={() => setParam('page', String(page + 1))}>
                    {t('common.next')} →
                  </button>
                </nav>
              ) : null}
            </>
          )}
        </AsyncView>
      </section>
    </div>
  );
}
