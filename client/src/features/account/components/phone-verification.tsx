import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { levelRank, PhoneSchema, type Me } from '@parallele/core';
import { ErrorNotice } from '../../../components/status';
import { useAccountStore } from '../store';
import { CodeField, useFocusOnChange } from './form-parts';

/**
 * Stronger verification by SMS: send a code to a phone number, type it back. One number verifies
 * one account, which is what makes "verified only" tallies resist fake accounts. In development
 * the server's SMS provider writes the code to its log instead of sending it.
 */
export function PhoneVerification({ me }: { me: Me }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, action, smsChallenge, startSms, confirmSms, cancelSms } = useAccountStore();
  const [phone, setPhone] = useState(smsChallenge?.phone ?? '');
  const [code, setCode] = useState('');
  const [phoneProblem, setPhoneProblem] = useState(false);
  const [done, setDone] = useState(false);
  const codeInput = useFocusOnChange<HTMLInputElement>(smsChallenge?.id ?? null);
  const myError = error && (action === 'startSms' || action === 'confirmSms') ? error : null;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = PhoneSchema.safeParse(phone.replace(/[\s.-]/g, ''));
    setPhoneProblem(!parsed.success);
    if (parsed.success) await startSms(parsed.data);
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (await confirmSms(code.trim())) {
      setDone(true);
      setCode('');
    }
  };

  const verified = levelRank(me.level) >= levelRank('phone');
  return (
    <section className="card" aria-labelledby={`${id}-title`} style={{ maxWidth: '32rem' }}>
      <h2 id={`${id}-title`}>{t('account.phone.title')}</h2>
      {verified ? (
        <p className="notice notice-success" role="status">
          {done ? t('account.phone.verified') : t('account.phone.already')}
        </p>
      ) : me.level === 'none' ? (
        <p className="muted">{t('account.phone.emailFirst')}</p>
      ) : smsChallenge === null ? (
        <form className="form-stack" onSubmit={(e) => void send(e)}>
          <p className="muted">{t('account.phone.intro')}</p>
          <div className="field">
            <label htmlFor={`${id}-phone`}>{t('account.phone.number')}</label>
            <input
              id={`${id}-phone`}
              type="tel"
              autoComplete="tel"
              required
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              aria-describedby={`${id}-phone-hint`}
              aria-invalid={phoneProblem ? true : undefined}
            />
            <span className="hint" id={`${id}-phone-hint`}>
              {t('account.phone.numberHint')}
            </span>
          </div>
          {phoneProblem ? (
            <p className="notice notice-error" role="alert">
              {t('account.phone.badNumber')}
            </p>
          ) : null}
          {myError ? <ErrorNotice error={myError} /> : null}
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {t('account.phone.send')}
          </button>
        </form>
      ) : (
        <form className="form-stack" onSubmit={(e) => void confirm(e)}>
          <p className="notice notice-info" role="status">
            {t('account.phone.sent', { phone: smsChallenge.phone })}
          </p>
          <CodeField id={id} label={t('account.phone.code')} value={code} onChange={setCode} inputRef={codeInput} />
          {myError ? <ErrorNotice error={myError} /> : null}
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <button type="submit" className="button" disabled={busy} aria-busy={busy}>
              {t('account.phone.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={cancelSms}>
              {t('account.phone.otherNumber')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
