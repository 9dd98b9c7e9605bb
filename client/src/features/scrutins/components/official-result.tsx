import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScrutinDetail } from '@parallele/core';
import { scrutinPoster } from '../../../components/chart-poster';
import { ChartFrame } from '../../../components/chart-frame';
import { ScrollRegion } from '../../../components/scroll-region';
import { Hemicycle, groupLabel, inChamberOrder, officialHemicycle } from '@parallele/charts';
import { capitalise, useFormat } from '../../../lib/format';
import { hemicycleLabels } from '../../../lib/hemicycle-labels';
import { OutcomeBadge } from './scrutin-item';

/** The official result: totals, the hemicycle seat by seat, and the group and deputy breakdowns. */
export function OfficialResult({ s }: { s: ScrutinDetail }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const id = useId();
  const groups = useMemo(() => inChamberOrder(s.groups), [s.groups]);
  const hemi = useMemo(() => officialHemicycle(s), [s]);
  const names = useMemo(() => new Map(s.groups.map((g) => [g.organeRef, groupLabel(g)])), [s.groups]);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const deputies = useMemo(() => {
    const q = deferred.trim().toLocaleLowerCase('fr');
    const all = [...s.deputies].sort((a, b) => (a.lastName ?? a.acteurRef).localeCompare(b.lastName ?? b.acteurRef, 'fr'));
    return q ? all.filter((d) => `${d.firstName ?? ''} ${d.lastName ?? ''} ${names.get(d.organeRef) ?? ''}`.toLocaleLowerCase('fr').includes(q)) : all;
  }, [s.deputies, deferred, names]);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'baseline', flexWrap: 'wrap' }}>
        <h2 id={`${id}-title`}>{t('scrutin.official')}</h2>
        <OutcomeBadge outcome={s.outcome} />
      </div>
      <dl className="figures" data-testid="official-figures">
        <div>
          <dt>{t('positionPlural.pour')}</dt>
          <dd data-testid="official-pour">{f.n(s.totals.pour)}</dd>
        </div>
        {s.type !== 'MOC' ? (
          <>
            <div>
              <dt>{t('positionPlural.contre')}</dt>
              <dd>{f.n(s.totals.contre)}</dd>
            </div>
            <div>
              <dt>{t('positionPlural.abstention')}</dt>
              <dd>{f.n(s.totals.abstentions)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('scrutin.requiredLong')}</dt>
          <dd data-testid="official-required">{f.n(s.totals.requis)}</dd>
        </div>
        <div>
          <dt>{t('scrutin.votants')}</dt>
          <dd>{f.n(s.totals.votants)}</dd>
        </div>
      </dl>
      {s.announcement ? <p className="muted small">{capitalise(s.announcement)}</p> : null}
      <ChartFrame
        title={t('scrutin.official_hemicycle')}
        name={`hemicycle-${s.uid}`}
        poster={scrutinPoster(s, i18n.language, t('scrutin.official_hemicycle'))}
        data={{ header: ['groupe', 'membres', 'pour', 'contre', 'abstention', 'nonVotant', 'absent'], rows: hemi.map((g) => [g.label, g.seats.pour + g.seats.contre + g.seats.abstention + g.seats.nonVotant + g.seats.absent, g.seats.pour, g.seats.contre, g.seats.abstention, g.seats.nonVotant, g.seats.absent]) }}
      >
        <Hemicycle
          groups={hemi}
          title={`${t('scrutin.official_hemicycle')} — ${s.uid}`}
          width={640}
          headline={t('scrutin.seatsHeadline', { n: f.n(s.totals.pour) })}
          subline={t('scrutin.required', { n: f.n(s.totals.requis) })}
          labels={hemicycleLabels(t)}
          locale={f.locale}
          idPrefix={`${id}-official`}
        />
      </ChartFrame>

      <h3 style={{ marginTop: '1.25rem' }}>{t('scrutin.groups')}</h3>
      <ScrollRegion label={t('scrutin.groups')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('scrutin.group')}</th>
              <th scope="col" className="num">{t('scrutin.members')}</th>
              <th scope="col" className="num">{t('positionPlural.pour')}</th>
              <th scope="col" className="num">{t('positionPlural.contre')}</th>
              <th scope="col" className="num">{t('positionPlural.abstention')}</th>
              <th scope="col" className="num">{t('positionPlural.nonVotant')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g, i) => (
              <tr key={`${g.organeRef}-${i}`}>
                <th scope="row" style={{ fontWeight: 500, whiteSpace: 'normal' }}>
                  <span className="swatch" style={{ background: g.colour ?? '#8a8f99' }} aria-hidden="true" />
                  <abbr title={g.name ?? undefined}>{groupLabel(g)}</abbr>
                </th>
                <td className="num">{f.n(g.members)}</td>
                <td className="num">{f.n(g.pour)}</td>
                <td className="num">{f.n(g.contre)}</td>
                <td className="num">{f.n(g.abstentions)}</td>
                <td className="num">{f.n(g.nonVotants)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {s.deputies.length > 0 ? (
        <details style={{ marginTop: '1rem' }}>
          <summary>{t('scrutin.deputiesShow', { n: f.n(s.deputies.length) })}</summary>
          <div className="field" style={{ margin: '0.5rem 0', maxWidth: '22rem' }}>
            <label htmlFor={`${id}-filter`}>{t('scrutin.deputiesFilter')}</label>
            <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <ScrollRegion label={t('scrutin.deputiesFilter')} style={{ maxHeight: '26rem', overflowY: 'auto' }}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('scrutin.deputies')}</th>
                  <th scope="col">{t('scrutin.group')}</th>
                  <th scope="col">{t('scrutins.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {deputies.map((d) => (
                  <tr key={d.acteurRef}>
                    <td>{d.lastName ? `${d.firstName ?? ''} ${d.lastName}`.trim() : t('scrutin.unknownDeputy', { ref: d.acteurRef })}</td>
                    <td>{names.get(d.organeRef) ?? d.organeRef}</td>
                    <td>
                      {t(`position.${d.position}`)}
                      {d.byProxy ? <span className="muted small"> ({t('scrutin.byProxy')})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      ) : null}
      {s.misesAuPoint.length > 0 ? (
        <details style={{ marginTop: '0.5rem' }}>
          <summary>
            {t('scrutin.misesAuPoint')} ({f.n(s.misesAuPoint.length)})
          </summary>
          <ul className="small">
            {s.misesAuPoint.map((m) => (
              <li key={`${m.acteurRef}-${m.position}`}>{t('scrutin.miseAuPointText', { name: m.lastName ? `${m.firstName ?? ''} ${m.lastName}`.trim() : m.acteurRef, position: t(`position.${m.position === 'nonVotantVolontaire' ? 'nonVotant' : m.position}`) })}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
