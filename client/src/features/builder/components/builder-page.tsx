import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { builderParams, type ScenarioBuilderQuery } from '@parallele/core';
import { AsyncView } from '../../../components/status';
import { useResource } from '../../../lib/use-resource';
import { fetchBuiltScenario } from '../api';
import { usePageTitle } from '../../../lib/page-title';
import { builderPath, builderStateOf } from '../state';
import { BuilderForm } from './builder-form';
import { BuilderResults } from './builder-results';

/**
 * The scenario builder: a "what if" without the command line. Its whole state is the URL (the
 * permalink), which is also the query of GET /api/scenario-builder: the server computes with the
 * CLI's own code, so the page, the saved YAML file and `npm run scenario` agree.
 */
export function BuilderPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  usePageTitle(t('pageTitle.builder'));
  const [params, setParams] = useSearchParams();
  const { query, errors } = builderStateOf(params);
  const key = builderParams(query).toString();
  // from the URL as it is when the change lands (a debounced field may commit after a later click)
  const onChange = (patch: Partial<ScenarioBuilderQuery>) =>
    setParams((prev) => {
      const next = { ...builderStateOf(prev).query, ...patch };
      for (const k of Object.keys(next) as (keyof ScenarioBuilderQuery)[]) if (next[k] === undefined) delete next[k];
      return builderParams(next);
    }, { replace: true, preventScrollReset: true });
  const built = useResource(`builder?${key}&lang=${lang}`, () => fetchBuiltScenario(query, lang));
  const permalink = `${window.location.origin}${builderPath(query)}`;
  return (
    <div className="page">
      <h1>{t('builder.title')}</h1>
      <p className="muted" style={{ maxWidth: '50rem' }}>{t('builder.intro')}</p>
      {errors.length > 0 ? <p className="notice" role="status">{errors.join(' · ')}</p> : null}
      <BuilderForm query={query} onChange={onChange} />
      <section aria-labelledby="builder-results" aria-busy={built.status === 'loading'}>
        <h2 id="builder-results" className="visually-hidden">{t('builder.results')}</h2>
        {built.status === 'loading' && built.data ? <p className="small muted" role="status">{t('builder.computing')}</p> : null}
        <AsyncView resource={built}>{(data) => <BuilderResults data={data} permalink={permalink} />}</AsyncView>
      </section>
    </div>
  );
}
