import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROFILE_VARIABLES, VOTE_CHOICES, type ProfileVariable, type Representativity } from '@parallele/core';
import { ChartFrame } from '../../../components/chart-frame';
import { AsyncView } from '../../../components/status';
import { useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchRepresentativity } from '../api';
import { ShareBars } from './share-bars';

/** Raw and reweighted split side by side, with the reweighting's report (scrutin pages only). */
function SplitComparison({ r, name }: { r: Representativity; name: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = (x: number) => f.pct(x);
  const rw = r.reweighted;
  if (!rw || !r.raw) return null;
  if (rw.status === 'too-few') return <p className="notice" data-testid="reweighted-too-few">{t('representativity.tooFew', { n: rw.n, minimum: rw.minimum })}</p>;
  if (rw.status === 'empty-cell')
    return <p className="notice" data-testid="reweighted-empty-cell">{t('representativity.emptyCell', { category: rw.category, variable: t(`representativity.variable.${rw.variable}`) })}</p>;
  const rows = VOTE_CHOICES.map((c) => ({ label: t(`position.${c}`), values: [rw.raked[c].share, r.raw![c]], intervals: [[rw.raked[c].low, rw.raked[c].high] as [number, number], null] }));
  return (
    <div data-testid="reweighted">
      <table className="table">
        <thead>
          <tr>
            <th />
            <th>{t('representativity.raw')}</th>
            <th>{t('representativity.raked')}</th>
          </tr>
        </thead>
        <tbody>
          {VOTE_CHOICES.map((c) => (
            <tr key={c}>
              <th scope="row">{t(`position.${c}`)}</th>
              <td data-testid={`raw-${c}`}>{pct(r.raw![c])}</td>
              <td data-testid={`raked-${c}`}>
                {pct(rw.raked[c].share)} <span className="small muted">({t('representativity.interval', { low: pct(rw.raked[c].low), high: pct(rw.raked[c].high) })})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        {t('representativity.nEff', { value: f.n(rw.nEff, { maximumFractionDigits: 1 }) })} · {t('representativity.convergence', { iterations: rw.iterations, error: rw.maxMarginError.toExponential(1) })}
      </p>
      {rw.converged ? null : <p className="notice">{t('representativity.notConverged')}</p>}
      <p className="small muted">{t('representativity.method')}</p>
      <ChartFrame
        title={`${t('representativity.raked')} / ${t('representativity.raw')}`}
        name={`redresse-${name}`}
        data={{ header: ['choice', 'raw', 'raked', 'low', 'high'], rows: VOTE_CHOICES.map((c) => [c, r.raw![c], rw.raked[c].share, rw.raked[c].low, rw.raked[c].high]) }}
      >
        <ShareBars rows={rows} series={[t('representativity.raked'), t('representativity.raw')]} title={t('representativity.title')} hiddenLabel="—" percent={pct} />
      </ChartFrame>
    </div>
  );
}

/**
 * Who voted (per scrutin, or the whole platform when `uid` is null): each variable against the
 * population, its distance, and on a scrutin the raw and reweighted split. Small cells arrive
 * hidden from the server and are drawn as "—".
 */
export function RepresentativityPanel({ uid }: { uid: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [variables, setVariables] = useState<ProfileVariable[]>(['sex', 'age']);
  const resource = useResource(`${uid ?? '*'}|${variables.join(',')}`, () => fetchRepresentativity(uid, variables));
  const name = uid ?? 'plateforme';
  const toggle = (v: ProfileVariable) => setVariables((vs) => (vs.includes(v) ? (vs.length > 1 ? vs.filter((x) => x !== v) : vs) : PROFILE_VARIABLES.filter((x) => x === v || vs.includes(x))));
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="representativity">
      <h2 id={`${id}-title`}>{uid === null ? t('representativity.platformTitle') : t('representativity.title')}</h2>
      <p>
        {t('representativity.intro')} {uid === null ? null : <Link to="/representativite">{t('representativity.link')}</Link>}
      </p>
      <fieldset className="field">
        <legend>{t('representativity.chooseVariables')}</legend>
        <div style={{ display: 'flex', gap: '1.25rem', flexWrap: 'wrap' }}>
          {PROFILE_VARIABLES.map((v) => (
            <label key={v} style={{ display: 'inline-flex', gap: '0.35rem', alignItems: 'center' }}>
              <input type="checkbox" checked={variables.includes(v)} onChange={() => toggle(v)} data-testid={`rake-${v}`} /> {t(`representativity.variable.${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <AsyncView resource={resource}>
        {(r) => (
          <>
            <p data-testid="representativity-voters">{t('representativity.voters', { voters: f.n(r.voters), withProfile: f.n(r.withProfile) })}</p>
            <SplitComparison r={r} name={name} />
            {uid === null && r.nEff !== null ? <p className="small muted">{t('representativity.nEff', { value: f.n(r.nEff, { maximumFractionDigits: 1 }) })}</p> : null}
            <h3>{t('representativity.distortion')}</h3>
            <p className="small muted">{t('representativity.hidden', { min: r.minCellCount })}</p>
            {r.variables.map((v) => (
              <ChartFrame
                key={v.variable}
                title={`${t(`representativity.variable.${v.variable}`)} · ${v.tvd === null ? t('representativity.tvdHidden') : t('representativity.tvd', { value: f.pct(v.tvd) })}`}
                name={`representativite-${name}-${v.variable}`}
                data={{ header: ['category', 'voters', 'voters_share', 'population_share'], rows: v.categories.map((c) => [c.category, c.sample.hidden ? null : c.sample.count, c.sampleShare, c.populationShare]) }}
              >
                <ShareBars
                  rows={v.categories.map((c) => ({ label: v.variable === 'sex' ? t(`profile.sex.${c.category}`) : c.label, values: [c.sampleShare, c.populationShare] }))}
                  series={[t('representativity.votersShare'), t('representativity.population')]}
                  title={t(`representativity.variable.${v.variable}`)}
                  hiddenLabel="—"
                  percent={(x) => f.pct(x)}
                />
              </ChartFrame>
            ))}
            <p className="small muted">{t('representativity.refresh', { at: new Date(r.computedAt).toLocaleTimeString(f.locale) })}</p>
          </>
        )}
      </AsyncView>
    </section>
  );
}
