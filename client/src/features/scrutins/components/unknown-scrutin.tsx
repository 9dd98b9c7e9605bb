import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The page of a uid no scrutin has: says so, and offers the search (no "Retry": it would fail again). */
export function UnknownScrutin({ uid }: { uid: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState('');
  return (
    <section className="page">
      <h1>{t('unknownScrutin.title')}</h1>
      <p>{t('unknownScrutin.body', { uid })}</p>
      <form
        role="search"
        className="card filters"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate(`/scrutins?q=${encodeURIComponent(q.trim())}`);
        }}
      >
        <div className="field field-search">
          <label htmlFor={`${id}-q`}>{t('scrutins.search')}</label>
          <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className="small muted">{t('search.hint')}</p>
        </div>
        <button type="submit" className="button">{t('unknownScrutin.search')}</button>
      </form>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </section>
  );
}
