import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkTokenSchema } from '@parallele/core';
import { ErrorNotice } from '../../../components/status';
import { useAccountStore } from '../store';
import { CodeField, NewPasswordFields, newPasswordProblem, useFocusOnChange } from './form-parts';
import { usePageTitle } from '../../../lib/page-title';

type Step = 'request' | 'code' | 'link' | 'done';

/**
 * Password reset, the page the mailed link opens (`/reinitialiser?token=…`, the URL the server
 * puts in the mail). Without a token: ask for a code by email, then type it with the new
 * password. With the link's token: only the new password.
 */
export function PasswordResetPage() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitle.reset'));
  const id = useId();
  const [params] = useSearchParams();
  const rawToken = params.get('token');
  const token = rawToken !== null && LinkTokenSchema.safeParse(rawToken).success ? rawToken : null;
  const { busy, error, action, resetEmail, requestReset, confirmReset, clearError } = useAccountStore();
  const [step, setStep] = useState<Step>(token ? 'link' : resetEmail ? 'code' : 'request');
  const [email, setEmail] = useState(resetEmail ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [tried, setTried] = useState(false);
  const heading = useFocusOnChange<HTMLHeadingElement>(step);

  useEffect(() => clearError, [step, clearError]);

  const myError = error && (action === 'requestReset' || action === 'confirmReset') ? error : null;

  const request = async (e: FormEvent) => {
    e.preventDefault();
    if (await requestReset(email)) setStep('code');
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (newPasswordProblem(password, confirmation)) return;
    const body = step === 'link' && token ? { token, newPassword: password } : { email, code: code.trim(), newPassword: password };
    if (await confirmReset(body)) setStep('done');
  };

  const title = step === 'done' ? t('account.reset.doneTitle') : t('account.reset.title');
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <section className="card" aria-labelledby={`${id}-title`} style={{ maxWidth: '32rem' }}>
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {rawToken !== null && token === null && step === 'request' ? (
          <p className="notice notice-error" role="alert">
            {t('account.reset.badLink')}
          </p>
        ) : null}

        {step === 'request' ? (
          <form className="form-stack" onSubmit={(e) => void request(e)}>
            <p className="muted">{t('account.reset.intro')}</p>
            <div className="field">
              <label htmlFor={`${id}-email`}>{t('account.email')}</label>
              <input id={`${id}-email`} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
            {myError ? <ErrorNotice error={myError} /> : null}
            <button type="submit" className="button" disabled={busy} aria-busy={busy}>
              {t('account.reset.send')}
            </button>
          </form>
        ) : null}

        {step === 'code' || step === 'link' ? (
          <form className="form-stack" onSubmit={(e) => void confirm(e)}>
            {step === 'code' ? (
              <>
                <p className="notice notice-success" role="status">
                  {t('account.reset.sent', { email })}
                </p>
                <CodeField id={id} label={t('account.reset.code')} value={code} onChange={setCode} hint={t('account.codeHint')} />
              </>
            ) : (
              <p className="muted">{t('account.reset.linkIntro')}</p>
            )}
            <NewPasswordFields id={id} password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} showProblem={tried} />
            {myError ? <ErrorNotice error={myError} /> : null}
            <button type="submit" className="button" disabled={busy} aria-busy={busy}>
              {t('account.reset.submit')}
            </button>
            <button type="button" className="linklike" onClick={() => setStep('request')}>
              {t('account.reset.again')}
            </button>
          </form>
        ) : null}

        {step === 'done' ? (
          <>
            <p className="notice notice-success" role="status">
              {t('account.reset.done')}
            </p>
            <p style={{ marginBottom: 0 }}>
              <Link className="button" to="/account">
                {t('account.login')}
              </Link>
            </p>
          </>
        ) : (
          <p className="small" style={{ marginTop: '1rem', marginBottom: 0 }}>
            <Link to="/account">{t('account.reset.back')}</Link>
          </p>
        )}
      </section>
    </div>
  );
}
