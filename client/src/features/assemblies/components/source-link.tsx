import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { epVoteId, isEuropeanParliament, type ScrutinDetail } from '@parallele/core';

/** Where the record comes from: the AN page (fallback) or, for an EP vote, HowTheyVote.eu and its licence. */
export function SourceLink({ s, fallback }: { s: Pick<ScrutinDetail, 'uid' | 'organeRef'>; fallback: ReactNode }) {
  const { t } = useTranslation();
  const id = isEuropeanParliament(s) ? epVoteId(s.uid) : null;
  return (
    <p className="small" style={{ marginTop: '0.75rem', marginBottom: 0 }}>
      {id ? (
        <>
          <a href={`https://howtheyvote.eu/votes/${id}`} target="_blank" rel="noreferrer">
            {t('assemblies.assembly.epSource')} ↗
          </a>
          <br />
          <span className="muted">{t('assemblies.assembly.epAttribution')}</span>
        </>
      ) : (
        fallback
      )}
    </p>
  );
}
