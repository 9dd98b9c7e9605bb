import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { assemblyOfUid, type ScrutinSummary } from '@parallele/core';
import { capitalise, useFormat } from '../../../lib/format';

export function OutcomeBadge({ outcome }: { outcome: 'adopté' | 'rejeté' }) {
  const { t } = useTranslation();
  return <span className={`badge ${outcome === 'adopté' ? 'badge-adopte' : 'badge-rejete'}`}>{t(`outcome.${outcome}`)}</span>;
}

/** One scrutin in a list: title, date, type, outcome, how close it was. */
export function ScrutinItem({ s, extra }: { s: ScrutinSummary; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li className="scrutin-item">
      <div className="scrutin-meta">
        <OutcomeBadge outcome={s.outcome} />
        <span className="badge badge-type">{assemblyOfUid(s.uid) === 'an' ? t(`typeShort.${s.type}`) : t(`assemblies.assembly.${assemblyOfUid(s.uid)}`)}</span>
        <span>{f.date(s.date)}</span>
        <span>{t('scrutins.number', { n: s.numero })}</span>
      </div>
      <Link className="title" to={`/scrutins/${s.uid}`}>
        {capitalise(s.titre)}
      </Link>
      <div className="scrutin-meta">
        <span>
          {f.n(s.totals.pour)} {t('positionPlural.pour')} · {f.n(s.totals.contre)} {t('positionPlural.contre')} · {t('scrutin.required', { n: f.n(s.totals.requis) })}
        </span>
        <span title={t('scrutins.marginTitle')}>{t('scrutins.margin', { n: f.n(s.closeness) })}</span>
        {extra}
      </div>
    </li>
  );
}

/** A list of scrutins, one ScrutinItem each. */
export function ScrutinList({ items }: { items: readonly ScrutinSummary[] }) {
  return (
    <ul className="scrutin-list">
      {items.map((s) => (
        <ScrutinItem key={s.uid} s={s} />
      ))}
    </ul>
  );
}
