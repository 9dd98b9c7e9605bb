import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VOTE_TYPES } from '@parallele/core';
import { ErrorNotice, Loading } from '../../../components/status';
import { useFormat } from '../../../lib/format';
import { queryFromParams, useScrutinsStore, type ListKey } from '../store';
import { ScrutinList } from './scrutin-item';
import { AssemblySwitch, LEGISLATURES } from '../../assemblies';
import { directTarget } from './direct-target';
import { usePageTitle } from '../../../lib/page-title';

/** Searchable, filterable list; every filter lives in the URL, so a filtered list is a permalink. */
export function ScrutinListPage() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitle.scrutins'));
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const list = useScrutinsStore((s) => s.list);
  const loadList = useScrutinsStore((s) => s.loadList);
  const query = queryFromParams(params);
  const queryKey = params.toString();
  const [text, setText] = useState(params.get('q') ?? '');
  const id = useId();
  // The URL as our last change left it: react-router's functional setSearchParams hands every
  // updater the params of the last render, so two quick changes (a filter, then the debounced
  // search) would each start from the same stale URL and the later one would drop the earlier.
  const latest = useRef(params);
  latest.current = params;
  const navigate = useNavigate();

  useEffect(() => {
    void loadList(queryFromParams(new URLSearchParams(queryKey)));
  }, [queryKey, loadList]);

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    const handle = setTimeout(() => {
      if ((latest.current.get('q') ?? '') !== text.trim()) update('q', text.trim());
    }, 350);
    return () => clearTimeout(handle);
  }, [text]);

  function update(key: ListKey, value: string) {
    const next = new URLSearchParams(latest.current);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    latest.current = next;
    setParams(next, { replace: key === 'q' });
  }

  const data = list.data;
  const page = Number(query.page ?? 1);
  return (
    <section className="page">
      <h1>{t('scrutins.title')}</h1>
      <form
        className="card filters"
        role="search"
        aria-label={t('scrutins.filters')}
        onSubmit={(e) => {
          // Enter on a uid or a number goes straight to that vote
          e.preventDefault();
          void directTarget(text, params.get('legislature')).then((uid) => uid && navigate(`/scrutins/${uid}`));
        }}
      >
        <div className="field field-search">
          <label htmlFor={`${id}-q`}>{t('scrutins.search')}</label>
          <input id={`${id}-q`} type="search" value={text} placeholder={t('scrutins.searchPlaceholder')} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className="small muted">{t('search.hint')}</p>
        </div>
        <AssemblySwitch value={params.get('assembly')} onChange={(a) => { update('legislature', ''); update('assembly', a === 'an' ? '' : a); }} />
        <div className="field">
          <label htmlFor={`${id}-leg`}>{t('scrutins.legislature')}</label>
          <select id={`${id}-leg`} value={params.get('legislature') ?? ''} onChange={(e) => update('legislature', e.target.value)}>
            <option value="">{t('scrutins.any')}</option>
            {LEGISLATURES[params.get('assembly') === 'ep' ? 'ep' : params.get('assembly') === 'council' ? 'council' : 'an'].map((n) => (
              <option key={n} value={String(n)}>{t('scrutins.legislatureN', { n })}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('scrutins.type')}</label>
          <select id={`${id}-type`} value={params.get('type') ?? ''} onChange={(e) => update('type', e.target.value)}>
            <option value="">{t('scrutins.any')}</option>
            {VOTE_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`type.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-out`}>{t('scrutins.outcome')}</label>
          <select id={`${id}-out`} value={params.get('outcome') ?? ''} onChange={(e) => update('outcome', e.target.value)}>
            <option value="">{t('scrutins.any')}</option>
            <option value="adopté">{t('outcome.adopté')}</option>
            <option value="rejeté">{t('outcome.rejeté')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('scrutins.dateFrom')}</label>
          <input id={`${id}-from`} type="date" value={params.get('dateFrom') ?? ''} onChange={(e) => update('dateFrom', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('scrutins.dateTo')}</label>
          <input id={`${id}-to`} type="date" value={params.get('dateTo') ?? ''} onChange={(e) => update('dateTo', e.target.value)} />
        </div>
        <div className="field">
          <label title={t('builder.finalLawVoteHint')}>
            <input type="checkbox" checked={params.get('finalLawVote') === 'true'} onChange={(e) => update('finalLawVote', e.target.checked ? 'true' : '')} data-testid="filter-final-law-vote" /> {t('builder.finalLawVote')}
          </label>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t('scrutins.sort')}</label>
          <select id={`${id}-sort`} value={params.get('sort') ?? '-date'} onChange={(e) => update('sort', e.target.value === '-date' ? '' : e.target.value)}>
            <option value="-date">{t('scrutins.sortRecent')}</option>
            <option value="date">{t('scrutins.sortOld')}</option>
            <option value="closeness">{t('scrutins.sortClose')}</option>
          </select>
        </div>
        {params.size > 0 ? (
          <button type="button" className="button button-secondary" onClick={() => { setText(''); setParams(new URLSearchParams()); }}>
            {t('scrutins.reset')}
          </button>
        ) : null}
      </form>

      {list.status === 'error' && list.error ? <ErrorNotice error={list.error} onRetry={() => void loadList(query)} /> : null}
      {!data && list.status !== 'error' ? <Loading /> : null}
      {data ? (
        <div aria-busy={list.status === 'loading'}>
          <p className="muted" aria-live="polite">
            {t('scrutins.results', { count: data.total, formatted: f.n(data.total) })}
          </p>
          {data.items.length === 0 ? (
            <p>{t('scrutins.empty')}</p>
          ) : (
            <ScrutinList items={data.items} />
          )}
          {data.totalPages > 1 ? (
            <nav className="pagination" aria-label={t('common.pageOf', { page, total: data.totalPages })}>
              <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => update('page', String(page - 1))}>
                ← {t('common.previous')}
              </button>
              <span>{t('common.pageOf', { page: f.n(page), total: f.n(data.totalPages) })}</span>
              <button type="button" className="button button-secondary" disabled={page >= data.totalPages} onClick={() => update('page', String(page + 1))}>
                {t('common.next')} →
              </button>
            </nav>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
