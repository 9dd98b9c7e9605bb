import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/status';
import { usePageTitle } from '../../../lib/page-title';
import { useResource } from '../../../lib/use-resource';
import { fetchCapacity } from '../api';
import { CapacityView } from './capacity-view';

/** /couts-et-capacite: what the platform can take, what it carries, what a voter costs (issue 14). */
export function CapacityPage() {
  const { t } = useTranslation();
  usePageTitle(t('capacity.title'));
  const capacity = useResource('capacity', fetchCapacity);
  return (
    <article className="page">
      <h1>{t('capacity.title')}</h1>
      <p>{t('capacity.intro')}</p>
      <AsyncView resource={capacity}>{(data) => <CapacityView data={data} />}</AsyncView>
    </article>
  );
}
