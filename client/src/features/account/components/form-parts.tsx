import { useEffect, useRef, type Ref, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordSchema } from '@parallele/core';

/**
 * Moves keyboard focus to `ref` whenever `key` changes (a form's next step, a confirmation
 * opening), so screen-reader and keyboard users land where the page changed. Not on first render:
 * the layout already focuses the page on navigation.
 */
export function useFocusOnChange<T extends HTMLElement>(key: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** A six-digit code received by mail or SMS (`${id}-code`), with an optional hint below it. */
export function CodeField({
  id, label, value, onChange, hint, inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <div className="field">
      <label htmlFor={`${id}-code`}>{label}</label>
      <input
        ref={inputRef}
        id={`${id}-code`}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-code-hint` : undefined}
      />
      {hint ? (
        <span className="hint" id={`${id}-code-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** Why a new password is refused before asking the server (null when it is fine). */
export function newPasswordProblem(password: string, confirmation: string): 'tooShort' | 'tooLong' | 'mismatch' | null {
  const parsed = PasswordSchema.safeParse(password);
  if (!parsed.success) return password.length < 10 ? 'tooShort' : 'tooLong';
  return password === confirmation ? null : 'mismatch';
}

/** A new password typed twice; the mismatch shows only once the form was submitted. */
export function NewPasswordFields({
  id, password, confirmation, onPassword, onConfirmation, showProblem,
}: {
  id: string;
  password: string;
  confirmation: string;
  onPassword: (v: string) => void;
  onConfirmation: (v: string) => void;
  showProblem: boolean;
}) {
  const { t } = useTranslation();
  const problem = showProblem ? newPasswordProblem(password, confirmation) : null;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-new-password`}>{t('account.reset.newPassword')}</label>
        <input
          id={`${id}-new-password`}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={200}
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          aria-describedby={`${id}-new-password-hint`}
          aria-invalid={problem === 'tooShort' || problem === 'tooLong' ? true : undefined}
        />
        <span className="hint" id={`${id}-new-password-hint`}>
          {t('account.passwordHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm-password`}>{t('account.reset.confirmPassword')}</label>
        <input
          id={`${id}-confirm-password`}
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => onConfirmation(e.target.value)}
          aria-invalid={problem === 'mismatch' ? true : undefined}
          aria-describedby={problem ? `${id}-password-problem` : undefined}
        />
      </div>
      {problem ? (
        <p className="notice notice-error" role="alert" id={`${id}-password-problem`}>
          {t(`account.reset.${problem}`)}
        </p>
      ) : null}
    </>
  );
}
