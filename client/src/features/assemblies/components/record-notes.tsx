import { useTranslation } from 'react-i18next';
import { isEuropeanParliament, type ScrutinDetail } from '@parallele/core';

/**
 * Notes under a record's header (issue 15): for a European Parliament vote, its rule and how MaVoix
 * seats are taken; for any record, its data-quality warnings, one line each.
 */
export function RecordNotes({ s }: { s: Pick<ScrutinDetail, 'warnings'> & Partial<Pick<ScrutinDetail, 'organeRef'>> }) {
  const { t } = useTranslation();
  const ep = s.organeRef !== undefined && isEuropeanParliament({ organeRef: s.organeRef });
  return (
    <>
      {ep ? (
        <p className="small muted" data-testid="ep-rule">
          {t('assemblies.assembly.epRule')}. {t('assemblies.assembly.epDelegation')}
        </p>
      ) : null}
      <QualityNotes s={s} />
    </>
  );
}

function QualityNotes({ s }: { s: Pick<ScrutinDetail, 'warnings'> }) {
  const { t } = useTranslation();
  if (!s.warnings || s.warnings.length === 0) return null;
  return (
    <div className="notice notice-info" role="note" data-testid="quality-warnings" style={{ marginTop: '0.75rem' }}>
      <p>
        <strong>{t('assemblies.quality.title')}</strong>
      </p>
      {s.warnings.map((w) => (
        <p key={w.code}>
          {t('assemblies.quality.unattributed', { count: w.pour + w.contre + w.abstentions, pour: w.pour, contre: w.contre, abstentions: w.abstentions })}
        </p>
      ))}
    </div>
  );
}
