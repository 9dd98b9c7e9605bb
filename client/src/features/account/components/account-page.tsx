import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../../components/status';
import { useAccountStore } from '../store';
import { DeleteAccount } from './delete-account';
import { emailLinkOutcome } from './email-link';
import { CodeField } from './form-parts';
import { MyVotes } from './my-votes';
import { PhoneVerification } from './phone-verification';
// issue 16: the optional profile
import { ProfileForm } from '../../reweighting';
import { usePageTitle } from '../../../lib/page-title';

type View = 'login' | 'register' | 'verify';

/** A signed-in citizen who has not verified yet types the mailed code here. */
function VerifyForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, action, verify, load } = useAccountStore();
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
        <CodeField id={id} label={t('account.code')} value={code} onChange={setCode} />
        {error && action === 'verify' ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button" disabled={busy}>
          {t('account.verify')}
        </button>
      </form>
    </section>
  );
}

/** What the mailed verification link did (the server verified it before landing here). */
function EmailLinkNotice({ outcome }: { outcome: 'ok' | 'invalid' }) {
  const { t } = useTranslation();
  return outcome === 'ok' ? (
    <p className="notice notice-success" role="status">
      {t('account.emailLink.ok')}
    </p>
  ) : (
    <p className="notice notice-error" role="alert">
      {t('account.emailLink.invalid')}
    </p>
  );
}

/** Register → verify with the mailed code → log in; signed in: who I am and my votes. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitle.account'));
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me, status, busy, error, action, pendingEmail, register, verify, login, logout, load, clearError } = useAccountStore();
  const [view, setView] = useState<View>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const next = params.get('next');
  // a path of this site only: `//host` would leave it
  const safeNext = next && /^\/(?!\/)/.test(next) ? next : null;
  const emailLink = emailLinkOutcome(params.get('emailVerification'));
  const formError = error && (action === 'register' || action === 'verify' || action === 'login') ? error : null;

  useEffect(() => clearError, [view, clearError]);
  // The mailed link verified the address in another request: refresh a signed-in citizen's level.
  useEffect(() => {
    if (emailLink === 'ok' && useAccountStore.getState().me) void load();
  }, [emailLink, load]);
  // Verified by the mailed link while signed in: back to the page they came from.
  useEffect(() => {
    if (emailLink === 'ok' && me && safeNext) void navigate(safeNext, { replace: true });
  }, [emailLink, me, safeNext, navigate]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (view === 'register') {
      if (await register({ email, password, ...(safeNext ? { next: safeNext } : {}) })) {
        setNotice(t('account.registered'));
        setView('verify');
      }
    } else if (view === 'verify') {
      // The code signs the citizen in with the password typed a moment ago (kept in this form
      // only): no second typing. After a reload the password is gone and they sign in once.
      if (await verify(pendingEmail ?? email, code)) {
        setNotice(t('account.verified'));
        if (password && (await login({ email: pendingEmail ?? email, password }))) {
          if (safeNext) void navigate(safeNext);
        } else setView('login');
      }
    } else if (await login({ email, password })) {
      if (safeNext) void navigate(safeNext);
    }
  };

  if (status !== 'ready' && !me) return <Loading />;

  if (me) {
    return (
      <div className="page">
        <h1>{t('account.title')}</h1>
        {emailLink ? <EmailLinkNotice outcome={emailLink} /> : null}
        {notice ? <div className="notice notice-success" role="status">{notice}</div> : null}
        <section className="card">
          <dl className="details-grid">
            <div>
              <dt>{t('account.email')}</dt>
              <dd data-testid="me-email">{me.email}</dd>
            </div>
            <div>
              <dt>{t('account.level')}</dt>
              <dd data-testid="me-level">{t(`account.levels.${me.level}`)}</dd>
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
        <PhoneVerification me={me} />
        <MyVotes />
        <ProfileForm />
        <DeleteAccount
          onDeleted={() => {
            setView('login');
            setNotice(t('account.delete.done'));
          }}
        />
      </div>
    );
  }

  const title = view === 'register' ? t('account.register') : view === 'verify' ? t('account.verify') : t('account.login');
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      {emailLink ? <EmailLinkNotice outcome={emailLink} /> : null}
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
            <CodeField id={id} label={t('account.code')} value={code} onChange={setCode} hint={t('account.codeHint')} />
          )}
          {formError ? <ErrorNotice error={formError} /> : null}
          <button type="submit" className="button" disabled={busy}>
            {title}
          </button>
          {view === 'login' ? (
            <Link className="small" to="/reinitialiser">
              {t('account.reset.forgot')}
            </Link>
          ) : null}
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
