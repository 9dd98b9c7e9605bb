import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/page-title';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitle.notFound'));
  return (
    <section className="page">
      <h1>{t('common.notFound')}</h1>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </section>
  );
}
