import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { simulatorUrl } from '@parallele/core';
import { Hemicycle } from '@parallele/charts';
import { ErrorNotice, Loading } from '../../../components/status';
import { LanguageSwitch } from '../../../app/layout';
import { capitalise, useFormat } from '../../../lib/format';
import { hemicycleLabels } from '../../../lib/hemicycle-labels';
import { shortTitle, usePageTitle } from '../../../lib/page-title';
import { useAccountStore } from '../../account';
import { useScrutinsStore } from '../../scrutins';
import { OutcomeBadge } from '../../scrutins';
import { VotePanel } from '../../votes';
import { entryOf, useVotesStore } from '../../votes';
import { maxKOf, parallelHemicycle, runSimulation, simScrutinOf, splitOfTally } from '../../simulator';
import { settingsFromParams, settingsToPermalink } from '../../simulator';

/**
 * The embeddable widget (`/embed/scrutin/:uid`, for an iframe on any site): the question, the vote
 * buttons and the parallel result, without the site's chrome. Links open the full page in a new tab.
 */
export function EmbedPage() {
  const { uid = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  const entry = useScrutinsStore((s) => s.details[uid]);
  const loadDetail = useScrutinsStore((s) => s.loadDetail);
  const loadMe = useAccountStore((s) => s.load);
  const tally = useVotesStore((s) => entryOf(s, uid).tally);
  const tallyScope = useVotesStore((s) => s.scope);
  useEffect(() => {
    void loadDetail(uid);
    void loadMe();
  }, [uid, loadDetail, loadMe]);

  const s = entry?.data ?? null;
  const settings = settingsFromParams(params);
  const computed = useMemo(() => {
    if (!s) return null;
    const sim = simScrutinOf(s);
    const split = (settings.source === 'platform' ? splitOfTally(tally?.[tallyScope]) : null) ?? settings.manual;
    const input = { k: Math.min(settings.k, maxKOf(sim, settings.mode)), split, mode: settings.mode, method: settings.method };
    const result = runSimulation(sim, input);
    return { input, result, hemi: result.ok ? parallelHemicycle(s, input, t('sim.mavoix')) : null };
  }, [s, tally, tallyScope, params.toString(), t]);

  const missing = entry?.status === 'error' && entry.error?.status === 404;
  usePageTitle(s ? `${t('pageTitle.embed', { n: s.numero })} – ${shortTitle(s.titre)}` : missing ? t('pageTitle.notFound') : null);
  if (!entry || (!s && entry.status !== 'error')) return <Loading />;
  if (!s) return entry.error ? <ErrorNotice error={entry.error} onRetry={() => void loadDetail(uid, true)} /> : <Loading />;
  const full = simulatorUrl(uid, settingsToPermalink({ ...settings, k: computed?.input.k ?? settings.k }));
  return (
    <main className="embed" id="main">
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '0.5rem' }}>
        <p className="eyebrow" style={{ margin: 0 }}>
          {t('embed.title')}
        </p>
        <LanguageSwitch />
      </header>
      <h1>{capitalise(s.titre)}</h1>
      <p className="small muted">
        {f.date(s.date)} · {t(`type.${s.type}`)} · <OutcomeBadge outcome={s.outcome} /> {f.n(s.totals.pour)} {t('positionPlural.pour')} / {t('scrutin.required', { n: f.n(s.totals.requis) })}
      </p>
      <VotePanel uid={uid} compact />
      {computed?.result.ok && computed.hemi ? (
        <section className="card" style={{ marginTop: '0.75rem' }} aria-live="polite">
          <p style={{ margin: 0 }} data-testid="embed-parallel">
            <strong>
              {t('embed.parallel', { k: f.n(computed.input.k), outcome: t(`outcome.${computed.result.value.parallel.outcome}`) })}
            </strong>{' '}
            ({f.n(computed.result.value.parallel.pour)} {t('positionPlural.pour')}, {t('scrutin.required', { n: f.n(computed.result.value.parallel.required) })})
          </p>
          <Hemicycle
            groups={computed.hemi}
            title={`${t('sim.parallelHemicycle')} — K = ${computed.input.k}`}
            width={600}
            headline={t('scrutin.seatsHeadline', { n: f.n(computed.result.value.parallel.pour) })}
            subline={t('scrutin.required', { n: f.n(computed.result.value.parallel.required) })}
            labels={hemicycleLabels(t)}
            locale={f.locale}
            idPrefix="embed"
            showLegend={false}
          />
        </section>
      ) : computed && !computed.result.ok ? (
        <p className="notice notice-error">{t('sim.error', { message: computed.result.error })}</p>
      ) : null}
      <p className="small" style={{ marginTop: '0.75rem' }}>
        <Link to={full} target="_blank" rel="noopener">
          {t('embed.openFull')} ↗
        </Link>
      </p>
    </main>
  );
}
