import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { capitalise } from './format';

/**
 * Each page names itself in the tab, in the user's language: "Scrutin n° 1240 · MaVoix · Législature
 * parallèle". `title` null keeps the site name alone (a page still loading its subject).
 */
export function usePageTitle(title: string | null): void {
  const { t, i18n } = useTranslation();
  const suffix = t('pageTitle.suffix');
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix, i18n.language]);
}

/** A tab-sized title: the first words of a vote's official one. */
export const shortTitle = (titre: string): string => {
  const text = capitalise(titre);
  return text.length <= 60 ? text : `${text.slice(0, 60).replace(/\s+\S*$/, '')}…`;
};
