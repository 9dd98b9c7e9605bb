import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { epVoteId, isCouncil, isEuropeanParliament, type ScrutinDetail } from '@parallele/core';

/**
 * Where the record comes from: the AN page (fallback), for an EP vote HowTheyVote.eu and its
 * licence, for a council's deliberation its kind (a fictional council says so).
 */
export function SourceLink({ s, fallback }: { s: Pick<ScrutinDetail, 'uid' | 'organeRef'> & Partial<Pick<ScrutinDetail, 'typeLabel'>>; fallback: ReactNode }) {
  const { t } = useTranslation();
  if (isCouncil(s)) {
    return (
      <p className="small muted" data-testid="council-kind" style={{ marginTop: '0.75rem', marginBottom: 0 }}>
        {t('assemblies.assembly.council')} · {s.typeLabel}
      </p>
    );
  }
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
