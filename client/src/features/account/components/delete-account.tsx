import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/status';
import { useAccountStore } from '../store';
import { useFocusOnChange } from './form-parts';

/**
 * Account deletion in two steps: the explanation and a button, then a confirmation asking for the
 * password. Escape or "cancel" closes the confirmation and gives focus back to the button.
 */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, action, deleteAccount, clearError } = useAccountStore();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const passwordInput = useFocusOnChange<HTMLInputElement>(confirming);
  const myError = error && action === 'deleteAccount' ? error : null;

  const cancel = () => {
    setConfirming(false);
    setPassword('');
    if (myError) clearError();
    // after the confirmation unmounts, back to the button that opened it
    requestAnimationFrame(() => opener.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await deleteAccount(password)) onDeleted();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.delete.title')}</h2>
      <p>{t('account.delete.explain')}</p>
      <p className="muted small">{t('account.delete.votesKept')}</p>
      {!confirming ? (
        <button ref={opener} type="button" className="button button-secondary button-danger" onClick={() => setConfirming(true)}>
          {t('account.delete.start')}
        </button>
      ) : (
        <form
          className="form-stack"
          aria-labelledby={`${id}-confirm-title`}
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <h3 id={`${id}-confirm-title`}>{t('account.delete.confirmTitle')}</h3>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('account.delete.password')}</label>
            <input
              ref={passwordInput}
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={`${id}-password-hint`}
            />
            <span className="hint" id={`${id}-password-hint`}>
              {t('account.delete.passwordHint')}
            </span>
          </div>
          {myError ? <ErrorNotice error={myError} /> : null}
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <button type="submit" className="button button-danger" disabled={busy || password === ''} aria-busy={busy}>
              {t('account.delete.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={cancel}>
              {t('account.delete.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
