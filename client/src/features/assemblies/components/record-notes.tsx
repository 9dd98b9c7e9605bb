import { useTranslation } from 'react-i18next';
import type { ScrutinDetail } from '@parallele/core';

/** The data-quality warnings of a record (issue 15), as one notice line each under the header. */
export function RecordNotes({ s }: { s: Pick<ScrutinDetail, 'warnings'> }) {
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
