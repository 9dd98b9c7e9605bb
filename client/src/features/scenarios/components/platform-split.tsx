import { useTranslation } from 'react-i18next';
import type { ScenarioDetailResponse } from '@parallele/core';

type Props = Pick<ScenarioDetailResponse, 'split' | 'rows' | 'excluded'>;

/**
 * For a scenario on the citizens' votes (`split.source: platform`): which tally fed it, which
 * scrutins were left out for lack of votes, and which used the declared fallback split ("repli").
 * Readers must see this, or a figure computed on a fallback looks like the citizens' verdict.
 */
export function PlatformSplitInfo({ split, rows, excluded }: Props) {
  const { t } = useTranslation();
  const p = split.platform;
  if (split.source !== 'platform' || !p) return null;
  const fallbackRows = rows.filter((r) => r.platform?.used === 'fallback');
  return (
    <section className="small" aria-label={t('scenarios.platform.title')} style={{ display: 'grid', gap: '0.25rem' }}>
      <strong>{t('scenarios.platform.title')}</strong>
      <span>{t('plural.tally', { tally: t(`scenarios.platform.tallies.${p.tally}`, { defaultValue: p.tally }), min: t('plural.minVotes', { count: p.minVotes }) })}</span>
      <span>
        {t('plural.counts', {
          withVotes: t('plural.withVotes', { count: p.scrutinsWithVotes }),
          withoutVotes: t('plural.withoutVotes', { count: p.scrutinsWithoutVotes }),
          votes: t('plural.votes', { count: p.votes }),
        })}
      </span>
      {excluded.length > 0 ? (
        <details>
          <summary>{t('scenarios.platform.excluded', { count: excluded.length })}</summary>
          <ul>
            {excluded.map((x) => (
              <li key={x.uid}>
                {x.uid} · {x.titre}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {fallbackRows.length > 0 ? (
        <details>
          <summary>{t('scenarios.platform.fallback', { count: fallbackRows.length })}</summary>
          {p.fallback ? <p>{t('scenarios.platform.fallbackSplit', { pour: p.fallback[0], contre: p.fallback[1], abstention: p.fallback[2] })}</p> : null}
          <ul>
            {fallbackRows.map((r) => (
              <li key={r.uid}>
                {r.uid} · {r.titre}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
