import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only field with a copy button (embed snippet, permalink). */
export function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
      el?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        {multiline ? <textarea id={id} readOnly value={value} rows={3} onFocus={(e) => e.currentTarget.select()} /> : <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />}
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {copied ? t('common.copied') : ''}
      </span>
    </div>
  );
}
