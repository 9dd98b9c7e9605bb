import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FAMOUS_VOTES } from '@parallele/core';

/** A few votes everyone remembers, one line of context each (core's curated, sourced table). */
export function FamousVotes() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <section aria-labelledby="home-famous">
      <h2 id="home-famous">{t('famous.title')}</h2>
      <ul className="scrutin-list" data-testid="famous-votes">
        {FAMOUS_VOTES.filter((v) => v.featured).map((v) => (
          <li key={v.uid} className="scrutin-item">
            <Link className="title" to={`/scrutins/${v.uid}`}>
              {v.context[lang]}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
