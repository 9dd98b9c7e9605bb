import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomAction, RoomView } from '@parallele/core';

type Draft = { name: string; groupRef: string | null }[];
/** '' = dealt at random among the teams when applied */
type Members = Record<string, string>;

const draftOf = (v: RoomView): { teams: Draft; members: Members } => ({
  teams: v.teams.map((t) => ({ name: t.name, groupRef: t.groupRef })),
  members: Object.fromEntries(v.participants.flatMap((p) => {
    const i = v.teams.findIndex((t) => t.id === p.teamId);
    return i >= 0 ? [[p.id, String(i)]] : [];
  })),
});

/**
 * Teams by choice: the facilitator names the teams (fictional ones, or the current question's
 * real groups) and puts each participant in one; those left "au hasard" are dealt by the server
 * (core's dealTeams) when the teams are applied. Starts from the teams in play.
 */
export function TeamEditor({ view: v, act }: { view: RoomView; act: (a: RoomAction) => Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(v));
  const [choice, setChoice] = useState(v.teamChoice);
  const active = v.participants.filter((p) => p.status === 'active');
  const groups = v.question?.groups ?? [];
  const setTeams = (teams: Draft) => setDraft({ teams, members: {} });
  const rename = (i: number, name: string) => setDraft((d) => ({ ...d, teams: d.teams.map((x, j) => (j === i ? { ...x, name } : x)) }));
  const place = (id: string, team: string) => setDraft((d) => ({ ...d, members: { ...d.members, [id]: team } }));
  const apply = () => {
    const members = Object.fromEntries(Object.entries(draft.members).filter(([id, team]) => team !== '' && active.some((p) => p.id === id)).map(([id, team]) => [id, Number(team)]));
    void act({ type: 'setTeams', teams: draft.teams.map((x, i) => ({ name: x.name.trim() || t('rooms.teams.default', { n: i + 1 }), groupRef: x.groupRef })), members, seed: Date.now() % 100000, choice });
  };
  return (
    <section className="card room-team-editor">
      <h2>{t('rooms.teams.title')}</h2>
      <p role="group" aria-label={t('rooms.teams.start')}>
        {[2, 3, 4].map((n) => (
          <button key={n} type="button" className="button button-secondary small" onClick={() => setTeams(Array.from({ length: n }, (_, i) => ({ name: t('rooms.teams.default', { n: i + 1 }), groupRef: null })))}>
            {t('rooms.teams.fictional', { count: n })}
          </button>
        ))}{' '}
        {groups.length > 1 ? (
          <button type="button" className="button button-secondary small" onClick={() => setTeams(groups.slice(0, 20).map((g) => ({ name: g.label, groupRef: g.ref })))}>{t('rooms.teams.real')}</button>
        ) : null}
      </p>
      {draft.teams.length > 0 ? (
        <>
          <ol className="room-team-names">
            {draft.teams.map((x, i) => (
              <li key={i}>
                <input aria-label={t('rooms.teams.name', { n: i + 1 })} value={x.name} maxLength={60} onChange={(e) => rename(i, e.target.value)} />
                {x.groupRef ? <span className="muted small"> {t('rooms.teams.realGroup')}</span> : null}
              </li>
            ))}
          </ol>
          {active.length === 0 ? <p className="muted">{t('rooms.teams.nobody')}</p> : (
            <table className="room-team-table">
              <tbody>
                {active.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.pseudonym}</th>
                    <td>
                      <select aria-label={t('rooms.teams.of', { name: p.pseudonym })} value={draft.members[p.id] ?? ''} onChange={(e) => place(p.id, e.target.value)}>
                        <option value="">{choice ? t('rooms.teams.theyChoose') : t('rooms.teams.random')}</option>
                        {draft.teams.map((x, i) => <option key={i} value={String(i)}>{x.name || t('rooms.teams.default', { n: i + 1 })}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <label><input type="checkbox" checked={choice} onChange={(e) => setChoice(e.target.checked)} /> {t('rooms.teams.choice')}</label>
          </p>
          <p><button type="button" className="button" onClick={apply}>{t('rooms.teams.apply')}</button></p>
        </>
      ) : null}
    </section>
  );
}
