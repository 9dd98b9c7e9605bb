import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView, ErrorNotice, Loading } from '../../../components/status';
import { useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchMyVotes } from '../api';
import { useAccountStore } from '../store';

type View = 'login' | 'register' | 'verify';

function MyVotes() {
  const { t } = useTranslation();
  const f = useFormat();
  const votes = useResource('my-votes', fetchMyVotes);
  return (
    <section className="card" aria-labelledby="my-votes">
      <h2 id="my-votes">{t('account.myVotes')}</h2>
      <AsyncView resource={votes}>
        {(data) =>
          data.votes.length === 0 ? (
            <p className="muted">{t('account.noVotes')}</p>
          ) : (
            <ul className="scrutin-list">
              {data.votes.map((v) => (
                <li key={v.scrutinUid} className="scrutin-item">
                  <div className="scrutin-meta">
                    <strong>{t(`position.${v.choice}`)}</strong>
                    <span>{t('account.castAt', { date: f.date(v.castAt.slice(0, 10)) })}</span>
                    <Link to={`/scrutins/${v.scrutinUid}`}>{v.scrutinUid}</Link>
                  </div>
                  <span className="small muted">{t('vote.receipt')}</span>
                  <span className="receipt">{v.receipt}</span>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}

/** A signed-in citizen who has not verified yet types the mailed code here. */
function VerifyForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, verify, load } = useAccountStore();
  const [code, setCode] = useState('');
  return (
    <section className="card" aria-labelledby={`${id}-title`} style={{ maxWidth: '32rem' }}>
      <h2 id={`${id}-title`}>{t('account.verify')}</h2>
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          void verify(email, code).then(async (ok) => {
            if (ok) await load();
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('account.code')}</label>
          <input id={`${id}-code`} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button" disabled={busy}>
          {t('account.verify')}
        </button>
      </form>
    </section>
  );
}

/** Register → verify with the mailed code → log in; signed in: who I am and my votes. */
export function AccountPage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me, status, busy, error, pendingEmail, register, verify, login, logout, clearError } = useAccountStore();
  const [view, setView] = useState<View>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const next = params.get('next');

  useEffect(() => clearError, [view, clearError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (view === 'register') {
      if (await register({ email, password })) {
        setNotice(t('account.registered'));
        setView('verify');
      }
    } else if (view === 'verify') {
      if (await verify(pendingEmail ?? email, code)) {
        setNotice(t('account.verified'));
        setView('login');
      }
    } else if (await login({ email, password })) {
      if (next && next.startsWith('/')) navigate(next);
    }
  };

  if (status !== 'ready' && !me) return <Loading />;

  if (me) {
    return (
      <div className="page">
        <h1>{t('account.title')}</h1>
        <section className="card">
          <dl className="details-grid">
            <div>
              <dt>{t('account.email')}</dt>
              <dd data-testid="me-email">{me.email}</dd>
            </div>
            <div>
              <dt>{t('account.level')}</dt>
              <dd>{t(`account.levels.${me.level}`)}</dd>
            </div>
            <div>
              <dt>{t('account.voterId')}</dt>
              <dd className="receipt">{me.voterId}</dd>
            </div>
          </dl>
          <p style={{ marginTop: '1rem', marginBottom: 0 }}>
            <button type="button" className="button button-secondary" onClick={() => void logout()} disabled={busy}>
              {t('account.logout')}
            </button>
          </p>
        </section>
        {me.level === 'none' ? <VerifyForm email={me.email} /> : null}
        <MyVotes />
      </div>
    );
  }

  const title = view === 'register' ? t('account.register') : view === 'verify' ? t('account.verify') : t('account.login');
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <section className="card" aria-labelledby={`${id}-title`} style={{ maxWidth: '32rem' }}>
        <h2 id={`${id}-title`}>{title}</h2>
        {notice ? (
          <div className="notice notice-success" role="status" style={{ marginBottom: '1rem' }}>
            {notice}
          </div>
        ) : null}
        <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate={false}>
          {view !== 'verify' || !pendingEmail ? (
            <div className="field">
              <label htmlFor={`${id}-email`}>{t('account.email')}</label>
              <input id={`${id}-email`} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
          ) : null}
          {view !== 'verify' ? (
            <div className="field">
              <label htmlFor={`${id}-password`}>{t('account.password')}</label>
              <input
                id={`${id}-password`}
                type="password"
                autoComplete={view === 'register' ? 'new-password' : 'current-password'}
                required
                minLength={view === 'register' ? 10 : 1}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-describedby={view === 'register' ? `${id}-password-hint` : undefined}
              />
              {view === 'register' ? (
                <span className="hint" id={`${id}-password-hint`}>
                  {t('account.passwordHint')}
                </span>
              ) : null}
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('account.code')}</label>
              <input id={`${id}-code`} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} aria-describedby={`${id}-code-hint`} />
              <span className="hint" id={`${id}-code-hint`}>
                {t('account.codeHint')}
              </span>
            </div>
          )}
          {error ? <ErrorNotice error={error} /> : null}
          <button type="submit" className="button" disabled={busy}>
            {title}
          </button>
        </form>
        <p className="small" style={{ marginTop: '1rem', marginBottom: 0 }}>
          {view === 'login' ? (
            <>
              {t('account.noAccount')}{' '}
              <button type="button" className="linklike" onClick={() => setView('register')}>
                {t('account.register')}
              </button>
              {' · '}
              <button type="button" className="linklike" onClick={() => setView('verify')}>
                {t('account.haveCode')}
              </button>
            </>
          ) : (
            <>
              {t('account.haveAccount')}{' '}
              <button type="button" className="linklike" onClick={() => setView('login')}>
                {t('account.login')}
              </button>
            </>
          )}
        </p>
      </section>
    </div>
  );
}
