import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScenarioListResponse } from '@parallele/core';
import { AsyncView } from '../../../components/status';
import { useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchScenario, fetchScenarios } from '../api';
import { PlatformSplitInfo } from './platform-split';
import { keyFigureLabel } from './key-figure-label';
import { usePageTitle } from '../../../lib/page-title';

type Summary = ScenarioListResponse['scenarios'][number];

/** Internal links open in the app; the runner writes them as site-relative paths. */
function InteractiveLink({ url, label }: { url: string; label: string }) {
  return url.startsWith('/') ? <Link className="button" to={url}>{label} →</Link> : <a className="button" href={url}>{label} →</a>;
}

function ScenarioCard({ s }: { s: Summary }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  const lang = en ? 'en' : 'fr';
  const detail = useResource(`scenario-${s.name}-${lang}`, () => fetchScenario(s.name, lang));
  return (
    <article className="card" aria-labelledby={`scenario-${s.name}`} style={{ display: 'grid', gap: '0.75rem' }}>
      <h2 id={`scenario-${s.name}`}>{(en && s.titleEn) || s.title}</h2>
      <p>{(en && s.descriptionEn) || s.description}</p>
      {s.keyFigures.length > 0 ? (
        <dl className="figures">
          {s.keyFigures.slice(0, 4).map((k) => (
            <div key={k.id}>
              <dt>{keyFigureLabel(t, k.id, k.label)}</dt>
              <dd>{k.value === null ? '—' : f.n(k.value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <AsyncView resource={detail}>
        {(d) => (
          <>
            <PlatformSplitInfo split={d.split} rows={d.rows} excluded={d.excluded} />
            <div className="grid-2">
              {d.charts
                .filter((c) => c.type !== 'table')
                .slice(0, 4)
                .map((c) => (
                  <figure key={c.name} className="chart-frame">
                    <img src={c.urls.svg} alt={c.title} width={c.width} height={c.height} loading="lazy" style={{ width: '100%', height: 'auto', border: '1px solid var(--line)', borderRadius: 8, background: '#fff' }} />
                    <figcaption className="chart-actions">
                      <span className="small">{c.title}</span>
                      <a className="button button-small" href={c.urls.svg} download>
                        SVG
                      </a>
                      <a className="button button-small" href={c.urls.png} download>
                        PNG
                      </a>
                      <a className="button button-small" href={c.urls.csv} download>
                        CSV
                      </a>
                    </figcaption>
                  </figure>
                ))}
            </div>
            {d.sources.length > 0 ? (
              <details>
                <summary>{t('scenarios.sources')}</summary>
                <ul className="small">
                  {d.sources.map((src) => (
                    <li key={src.url}>
                      <a href={src.url} target="_blank" rel="noreferrer">
                        {src.label}
                      </a>{' '}
                      ({src.publisher ? `${src.publisher}, ` : ''}
                      {f.date(src.date)})
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </AsyncView>
      {s.interactiveUrl ? (
        <p style={{ margin: 0 }}>
          <InteractiveLink url={s.interactiveUrl} label={t('scenarios.open')} />
        </p>
      ) : null}
    </article>
  );
}

export function ScenarioGalleryPage() {
  const { t, i18n } = useTranslation();
  const { name } = useParams();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const list = useResource(`scenarios-${lang}`, () => fetchScenarios(lang));
  const shown = name ? list.data?.scenarios.find((s) => s.name === name) : undefined;
  usePageTitle(shown ? `${(i18n.language === 'en' && shown.titleEn) || shown.title} · ${t('pageTitle.scenarios')}` : t('pageTitle.scenarios'));
  // /scenarios/:name (a shared link) opens the gallery on that scenario
  useEffect(() => {
    if (shown) document.getElementById(`scenario-${shown.name}`)?.scrollIntoView();
  }, [shown]);
  return (
    <div className="page">
      <h1>{t('scenarios.title')}</h1>
      <p className="muted">{t('scenarios.intro')}</p>
      <p>
        <Link className="button" to="/scenarios/builder" data-testid="open-builder">{t('builder.open')} →</Link>
      </p>
      <AsyncView resource={list}>
        {(data) => (data.scenarios.length === 0 ? <p>{t('scenarios.empty')}</p> : data.scenarios.map((s) => <ScenarioCard key={s.name} s={s} />))}
      </AsyncView>
    </div>
  );
}
