import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../lib/api';
import type { Resource } from '../lib/use-resource';
import { errorText } from '../lib/error-text';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** The single way errors are shown: the server's problem, translated by its code, and a retry when it makes sense. */
export function ErrorNotice({ error, onRetry }: { error: Pick<ApiError, 'message' | 'status'> | Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = 'status' in error ? error.status : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{status === 404 ? t('common.missing') : t('common.error')}</strong>
        {' — '}
        {errorText(t, error)}
      </p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Renders a resource: spinner first, the error with a retry, then `children(data)`. */
export function AsyncView<T>({ resource, children, loadingLabel }: { resource: Resource<T>; children: (data: T) => ReactNode; loadingLabel?: string }) {
  if (resource.status === 'error') return <ErrorNotice error={resource.error} onRetry={resource.reload} />;
  if (resource.data === null) return <Loading label={loadingLabel} />;
  return <div aria-busy={resource.status === 'loading'}>{children(resource.data)}</div>;
}
