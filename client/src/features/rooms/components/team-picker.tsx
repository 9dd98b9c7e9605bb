import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '@parallele/core';
import { chooseTeam } from '../api';

/**
 * On the phone, when the facilitator lets participants choose: one button per team, the chosen
 * one pressed. The server checks the pick (core's reducer); the new view comes back over the socket.
 */
export function TeamPicker({ view: v, code, token }: { view: RoomView; code: string; token: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const open = v.teamChoice && v.teams.length > 0 && v.me?.status === 'active' && (v.stage === 'lobby' || v.stage === 'presentation' || v.stage === 'revelation');
  if (!open) return null;
  return (
    <fieldset className="room-team-picker">
      <legend>{t('rooms.teams.pick')}</legend>
      {v.teams.map((team) => (
        <button key={team.id} type="button" className="button button-secondary room-thumb" aria-pressed={v.me?.teamId === team.id}
          onClick={() => void chooseTeam(code, token, team.id).then(() => setError(null), (e: Error) => setError(e.message))}>
          {team.name}
        </button>
      ))}
      {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
    </fieldset>
  );
}
