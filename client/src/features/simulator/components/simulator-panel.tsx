import { lazy, Suspense, useEffect, useId, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { APPORTION_METHODS, type ScrutinDetail } from '@parallele/core';
import { scrutinPoster } from '../../../components/chart-poster';
import { ChartFrame } from '../../../components/chart-frame';
import { CopyField } from '../../../components/copy-field';
import { Loading } from '../../../components/status';
import { Hemicycle, groupLabel, inChamberOrder } from '@parallele/charts';
import { useFormat } from '../../../lib/format';
import { entryOf, SCOPE_LABEL, useVotesStore } from '../../votes';
import { maxKOf, parallelHemicycle, runFlip, runSimulation, simScrutinOf, splitOfTally, type Split } from '../compute';
import { pickSettings, settingsFromParams, settingsToParams, toPercents, useSimulatorStore } from '../store';
import { SplitControl } from './split-control';
import { useReweightedSplit } from '../../reweighting';
import { hemicycleLabels } from '../../../lib/hemicycle-labels';

const SimulatorCharts = lazy(() => import('./simulator-charts').then((m) => ({ default: m.SimulatorCharts })));

/**
 * The parallel result: K MaVoix deputies cast the citizens' split (the platform's votes or a
 * manual split). Recomputed in the browser on every change by core's simulator; the settings
 * live in the URL so the view is its own permalink.
 */
export function SimulatorPanel({ scrutin }: { scrutin: ScrutinDetail }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const settings = useSimulatorStore();
  const { set, reset } = settings;
  const tally = useVotesStore((s) => entryOf(s, scrutin.uid).tally);
  const tallyScope = useVotesStore((s) => s.scope);
  const sim = useMemo(() => simScrutinOf(scrutin), [scrutin]);

  // URL → store when the scrutin changes (or on a permalink); store → URL afterwards.
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const resetPending = useRef(false);
  useEffect(() => {
    resetPending.current = true;
    reset(settingsFromParams(paramsRef.current));
  }, [scrutin.uid, reset]);
  const urlState = settingsToParams(pickSettings(settings), params).toString();
  useEffect(() => {
    // the store still holds the previous scrutin's settings in this commit: wait for the reset
    if (resetPending.current) {
      resetPending.current = false;
      return;
    }
    if (urlState !== params.toString()) setParams(new URLSearchParams(urlState), { replace: true, preventScrollReset: true });
  }, [urlState, params, setParams]);

  const maxK = maxKOf(sim, settings.mode);
  const k = Math.min(settings.k, maxK);
  // The platform's split in the reader's scope (verified and not flagged unless switched).
  const platformSplit = splitOfTally(tally?.[tallyScope]);
  // issue 16: the reweighted ("redressé") split, fetched only when chosen
  const reweightedSplit = useReweightedSplit(scrutin.uid, settings.source === 'redresse');
  const sourceSplit = settings.source === 'redresse' ? reweightedSplit : settings.source === 'platform' ? platformSplit : null;
  const usingPlatform = sourceSplit !== null;
  const split: Split = sourceSplit ?? settings.manual;
  const input = { k, split, mode: settings.mode, method: settings.method };
  const result = useMemo(() => runSimulation(sim, input), [sim, k, split[0], split[1], split[2], settings.mode, settings.method]);
  const flip = useMemo(() => runFlip(sim, input), [sim, k, split[0], split[1], split[2], settings.mode, settings.method]);
  const hemi = useMemo(
    () => (result.ok ? parallelHemicycle(scrutin, input, t('sim.mavoix')) : null),
    [scrutin, result, t],
  );
  const groups = useMemo(() => inChamberOrder(scrutin.groups), [scrutin.groups]);
  const percents = toPercents(split);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sim.title')}</h2>
      <p>{t('sim.intro', { k: f.n(k) })}</p>
      <div className="sim-controls">
        <div className="field k-control">
          <label htmlFor={`${id}-k`}>
            {t('sim.k')}{f.colon}<span className="k-value" data-testid="k-value">{f.n(k)}</span>
          </label>
          <div className="k-row">
            <input
              id={`${id}-k`}
              type="range"
              min={0}
              max={maxK}
              step={1}
              value={k}
              onChange={(e) => set({ k: Number(e.target.value) })}
              aria-valuetext={t('sim.kValue', { k })}
              data-testid="k-slider"
            />
            <input type="number" min={0} max={maxK} value={k} aria-label={t('sim.k')} onChange={(e) => set({ k: Math.max(0, Math.min(maxK, Math.round(Number(e.target.value) || 0))) })} data-testid="k-input" />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-mode`}>{t('sim.mode')}</label>
          <select id={`${id}-mode`} value={settings.mode} onChange={(e) => set({ mode: e.target.value })}>
            <option value="proportional">{t('sim.modes.proportional')}</option>
            <option value="added">{t('sim.modes.added')}</option>
            {groups.map((g) => (
              <option key={g.organeRef} value={`group:${g.organeRef}`}>
                {groupLabel(g)} — {g.name ?? g.organeRef}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-method`}>{t('sim.method')}</label>
          <select id={`${id}-method`} value={settings.method} onChange={(e) => set({ method: e.target.value as (typeof APPORTION_METHODS)[number] })}>
            {APPORTION_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`sim.methods.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <SplitControl platformAvailable={platformSplit !== null} reweightedAvailable={reweightedSplit !== null} usingPlatform={usingPlatform} percents={percents} />
        {usingPlatform ? (
          <p className="small muted" data-testid="platform-scope-note">
            {t('vote.scopeNote', { scope: t(SCOPE_LABEL[tallyScope]) })}
          </p>
        ) : null}
      </div>

      {!result.ok ? (
        <div className="notice notice-error" role="alert" style={{ marginTop: '1rem' }}>
          {t('sim.error', { message: result.error })}
        </div>
      ) : (
        <div style={{ marginTop: '1rem', display: 'grid', gap: '1rem' }}>
          <p className="small muted">
            {t('plural.bloc', {
              pour: t('plural.pour', { count: result.value.bloc.pour, formatted: f.n(result.value.bloc.pour) }),
              contre: t('plural.contre', { count: result.value.bloc.contre }),
              abstention: t('plural.abstention', { count: result.value.bloc.abstentions }),
            })}
          </p>
          <div className={`outcome-banner${result.value.flipped ? ' flipped' : ''}`} aria-live="polite" data-testid="parallel-outcome">
            <p className="eyebrow">{t('sim.outcome')}</p>
            <p style={{ margin: 0 }}>
              <strong className="big" data-testid="parallel-outcome-label">
                {t(`outcome.${result.value.parallel.outcome}`)}
              </strong>{' '}
              — {f.n(result.value.parallel.pour)} {t('positionPlural.pour')}, {f.n(result.value.parallel.contre)} {t('positionPlural.contre')}, {t('scrutin.required', { n: f.n(result.value.parallel.required) })} ·{' '}
              {t('sim.margin')} {result.value.parallel.pour - result.value.parallel.required >= 0 ? '+' : '−'}
              {f.n(Math.abs(result.value.parallel.pour - result.value.parallel.required))}
            </p>
            <p style={{ margin: '0.3rem 0 0' }}>{result.value.flipped ? <strong>{t('sim.flipped')}</strong> : t('sim.same')}</p>
          </div>
          <dl className="figures">
            <div>
              <dt>{t('sim.tipping')} (K*)</dt>
              <dd data-testid="tipping-point">{result.value.tippingPoint === null ? '—' : f.n(result.value.tippingPoint)}</dd>
            </div>
            <div>
              <dt>{t('sim.flipProbability')}</dt>
              <dd data-testid="flip-probability">{flip && flip.ok ? f.pct(flip.value.probability, 2) : '—'}</dd>
            </div>
          </dl>
          <p className="small muted" data-testid="flip-explain">
            {t('flip.explain', { k: f.n(input.k) })} <a
              href={`#${id}-flip-method`}
              onClick={() => {
                const method = document.getElementById(`${id}-flip-method`);
                if (method instanceof HTMLDetailsElement) method.open = true;
              }}
            >
              {t('flip.methodLink')}
            </a>
          </p>
          <details id={`${id}-flip-method`} className="small">
            <summary>{t('flip.methodTitle')}</summary>
            <p>{t('flip.method')}</p>
          </details>
          <p className="small">{result.value.tippingPoint === null ? t('sim.tippingNone') : t('sim.tippingText', { k: f.n(result.value.tippingPoint) })}</p>
          <CopyField label={t('common.permalink')} value={`${typeof window === 'undefined' ? '' : window.location.origin}/scrutins/${scrutin.uid}?${urlState}`} />
          {hemi ? (
            <ChartFrame
              title={t('sim.parallelHemicycle')}
              name={`hemicycle-parallele-${scrutin.uid}-k${k}`}
              poster={scrutinPoster(scrutin, i18n.language, t('sim.parallelHemicycle'), input, result.value.parallel.outcome)}
              data={{ header: ['groupe', 'pour', 'contre', 'abstention', 'nonVotant', 'absent'], rows: hemi.map((g) => [g.label, g.seats.pour, g.seats.contre, g.seats.abstention, g.seats.nonVotant, g.seats.absent]) }}
            >
              <div data-testid="parallel-hemicycle">
                <Hemicycle
                  groups={hemi}
                  title={`${t('sim.parallelHemicycle')} — K = ${k}`}
                  width={640}
                  headline={t('scrutin.seatsHeadline', { n: f.n(result.value.parallel.pour) })}
                  subline={t('scrutin.required', { n: f.n(result.value.parallel.required) })}
                  labels={hemicycleLabels(t)}
                  locale={f.locale}
                  idPrefix={`${id}-parallel`}
                />
              </div>
            </ChartFrame>
          ) : null}
          <Suspense fallback={<Loading label={t('chart.loading')} />}>
            <SimulatorCharts scrutin={scrutin} sim={sim} split={split} mode={settings.mode} method={settings.method} k={k} locale={i18n.language === 'en' ? 'en' : 'fr'} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
