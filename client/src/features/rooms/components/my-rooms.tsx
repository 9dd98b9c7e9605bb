import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAccountStore } from '../../account';
import { AsyncView } from '../../../components/status';
import type { ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { fetchMyRooms, takeBackConsole } from '../api';
import { facilitatorKey, keepFacilitatorKey } from '../identity';

/**
 * "Vos salles" on the creation page, for a signed-in facilitator: their rooms still stored. The
 * console opens with the key kept on this device; on another device the owner takes it back
 * (a fresh key: the server only keeps the key's hash).
 */
export function MyRooms() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useAccountStore((s) => s.me);
  const rooms = useResource(me ? `my-rooms-${me.voterId}` : null, fetchMyRooms);
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;
  const takeBack = async (code: string) => {
    try {
      const fresh = await takeBackConsole(code);
      keepFacilitatorKey(code, fresh.facilitatorKey);
      void navigate(fresh.links.facilitator);
    } catch (err) {
      setError((err as ApiError).message);
    }
  };
  const date = (ms: number) => new Date(ms).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card room-mine" aria-labelledby="room-mine-title">
      <h2 id="room-mine-title">{t('rooms.mine.title')}</h2>
      <AsyncView resource={rooms}>
        {(data) => data.rooms.length === 0 ? <p className="muted">{t('rooms.mine.none')}</p> : (
          <ul className="room-mine-list">
            {data.rooms.map((r) => (
              <li key={r.code}>
                <strong>{r.title}</strong> · <code>{r.code}</code> · {date(r.createdAt)} · {t(`rooms.phase.${r.stage}`)}{r.closed ? ` (${t('rooms.mine.closed')})` : ''}
                {' '}· {t('rooms.mine.questions', { count: r.questions })} · {t('rooms.mine.participants', { count: r.participants })}{' '}
                {facilitatorKey(r.code)
                  ? <a className="button button-secondary small" href={r.links.facilitator}>{t('rooms.mine.open')}</a>
                  : <button type="button" className="button button-secondary small" title={t('rooms.mine.takeBackHint')} onClick={() => void takeBack(r.code)}>{t('rooms.mine.takeBack')}</button>}
              </li>
            ))}
          </ul>
        )}
      </AsyncView>
      {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
    </section>
  );
}
