import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryOf, useVotesStore } from '../../votes';
import { ProfileForm } from './profile-form';

const DISMISSED_KEY = 'parallele.profilePrompt.dismissed';

function dismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * After a citizen has voted on this scrutin: the optional profile form, with "Do not answer" to
 * dismiss it for good in one click (remembered in this browser; the account page keeps the form).
 * Not shown to a citizen who already gave a profile or a 2022 vote.
 */
export function ProfilePrompt({ uid }: { uid: string }) {
  const { t } = useTranslation();
  const voted = useVotesStore((s) => entryOf(s, uid).mine !== null);
  const [hidden, setHidden] = useState(dismissed);
  // a citizen who already answered is not asked again after each vote (the account page has the form)
  const [answered, setAnswered] = useState(false);
  if (!voted || hidden) return null;
  return (
    <div data-testid="profile-prompt" hidden={answered}>
      <ProfileForm intro={`${t('profile.prompt')} ${t('profile.intro')}`} onLoaded={(mine) => setAnswered(mine.profile !== null || mine.pastVote !== null)} />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          try {
            globalThis.localStorage?.setItem(DISMISSED_KEY, '1');
          } catch {
            // private mode: hidden for this page only
          }
          setHidden(true);
        }}
        data-testid="profile-prompt-dismiss"
      >
        {t('profile.skipAll')}
      </button>
    </div>
  );
}
