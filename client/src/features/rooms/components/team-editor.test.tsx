import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CustomQuestionInputSchema, RoomActionSchema, applyRoomEvent, buildRoomView, createRoomState, customQuestion, type RoomAction, type RoomEvent,
} from '@parallele/core';
import { initI18n } from '../../../i18n';
import { renderInApp } from '../../../test-support/render';
import { addRoomsResources } from '../i18n';
import { TeamEditor } from './team-editor';

// a fictional assembly: its parties are the question's groups
const question = customQuestion(CustomQuestionInputSchema.parse({
  kind: 'custom', title: 'Cantine bio', text: 'Pour ou contre ?',
  assembly: { kind: 'fictional', name: 'Conseil', parties: [{ name: 'Verts', seats: 12, position: 'pour' }, { name: 'Bleus', seats: 10, position: 'contre' }] },
}), 0, null);

function viewAfter(events: RoomEvent[]) {
  const joins: RoomEvent[] = ['Ana', 'Bilal', 'Chloé'].map((p, i) => ({ type: 'join', pseudonym: p, tokenHash: `hash-000000000000000${i + 1}` }));
  const state = [...joins, ...events].reduce((s, e) => applyRoomEvent(s, e, 0), createRoomState({ code: 'ACDEFG', title: 'T', deck: [question], maxParticipants: 10, k: null, now: 0 }));
  return buildRoomView(state, { role: 'facilitator' }, 0);
}

async function editor(events: RoomEvent[] = []) {
  initI18n('fr');
  addRoomsResources();
  const act = vi.fn((_: RoomAction) => Promise.resolve());
  await renderInApp(<TeamEditor view={viewAfter(events)} act={act} />);
  return { act, sent: () => RoomActionSchema.parse(act.mock.calls.at(-1)![0]) };
}

describe('TeamEditor (teams by choice)', () => {
  afterEach(cleanup);
  it('names fictional teams and places each participant; the others are left to the server’s deal', async () => {
    const user = userEvent.setup();
    const { sent } = await editor();
    await user.click(screen.getByRole('button', { name: '3 équipes' }));
    const name = screen.getByRole('textbox', { name: 'Nom de l’équipe 1' });
    await user.clear(name);
    await user.type(name, 'Les Hiboux');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Équipe de Ana' }), 'Les Hiboux');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Équipe de Bilal' }), 'Équipe 3');
    expect((screen.getByRole('combobox', { name: 'Équipe de Chloé' }) as HTMLSelectElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Appliquer les équipes' }));
    expect(sent()).toMatchObject({
      type: 'setTeams',
      teams: [{ name: 'Les Hiboux', groupRef: null }, { name: 'Équipe 2', groupRef: null }, { name: 'Équipe 3', groupRef: null }],
      members: { p1: 0, p2: 2 },
    });
  });

  it('can leave the unplaced participants to choose their team on their phone', async () => {
    const user = userEvent.setup();
    const { sent } = await editor();
    await user.click(screen.getByRole('button', { name: '2 équipes' }));
    await user.click(screen.getByRole('checkbox', { name: /choisir leur équipe/ }));
    expect(screen.getAllByRole('option', { name: 'À choisir sur le téléphone' })).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Appliquer les équipes' }));
    expect(sent()).toMatchObject({ type: 'setTeams', choice: true, members: {} });
  });

  it('offers the question’s real groups as teams, each playing its group', async () => {
    const user = userEvent.setup();
    const { sent } = await editor([{ type: 'advance' }]);
    await user.click(screen.getByRole('button', { name: 'Les groupes réels de la question' }));
    expect(screen.getAllByText('(groupe réel)')).toHaveLength(2);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Équipe de Chloé' }), question.groups[1]!.label);
    await user.click(screen.getByRole('button', { name: 'Appliquer les équipes' }));
    expect(sent()).toMatchObject({ teams: question.groups.map((g) => ({ name: g.label, groupRef: g.ref })), members: { p3: 1 } });
  });

  it('starts from the teams in play, with everyone where they are', async () => {
    const { act } = await editor([{ type: 'setTeams', teams: [{ name: 'Rouges', groupRef: null }, { name: 'Jaunes', groupRef: null }], members: { p1: 1, p2: 0, p3: 1 }, seed: 1 }]);
    expect((screen.getByRole('textbox', { name: 'Nom de l’équipe 2' }) as HTMLInputElement).value).toBe('Jaunes');
    expect((screen.getByRole('combobox', { name: 'Équipe de Ana' }) as HTMLSelectElement).value).toBe('1');
    expect((screen.getByRole('combobox', { name: 'Équipe de Bilal' }) as HTMLSelectElement).value).toBe('0');
    expect(act).not.toHaveBeenCalled();
  });
});
