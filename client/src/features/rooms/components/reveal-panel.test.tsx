import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyRoomEvent, buildRoomView, createRoomState, parseScrutin, simulate, toSimScrutin, voteQuestionFromScrutin, type RoomEvent } from '@parallele/core';
import { initI18n } from '../../../i18n';
import { renderInApp } from '../../../test-support/render';
import { addRoomsResources } from '../i18n';
import { RevealPanel } from './reveal-panel';

// the real V3260 (adopted by one vote) from the bundled open data, through the real parser
const root = process.cwd().endsWith('client') ? join(process.cwd(), '..') : process.cwd();
const line = gunzipSync(readFileSync(join(root, 'data/opendata/scrutins/VTANR5L17V1-3876.ndjson.gz'))).toString('utf8').split('\n').find((l) => l.includes('"VTANR5L17V3260"'))!;
const scrutin = parseScrutin(JSON.parse(line), 'V3260');

describe('RevealPanel', () => {
  it('shows the room’s split, both hemicycles, the real and parallel results and the tipping point', async () => {
    const events: RoomEvent[] = [
      { type: 'join', pseudonym: 'Ana', tokenHash: 'hash-0000000000000001' },
      { type: 'join', pseudonym: 'Bilal', tokenHash: 'hash-0000000000000002' },
      { type: 'advance' }, { type: 'advance' }, { type: 'advance' },
      { type: 'vote', participantId: 'p1', questionIndex: 0, ballot: { choice: 'contre', prediction: null } },
      { type: 'vote', participantId: 'p2', questionIndex: 0, ballot: { choice: 'contre', prediction: null } },
      { type: 'reveal' },
    ];
    const state = events.reduce((s, e) => applyRoomEvent(s, e, 0), createRoomState({ code: 'ACDEFG', title: 'T', deck: [voteQuestionFromScrutin(scrutin, [])], maxParticipants: 10, k: null, now: 0 }));
    const expected = simulate(toSimScrutin(scrutin), { k: 2, split: [0, 2, 0] });
    initI18n('fr');
    addRoomsResources();
    const { container } = await renderInApp(<RevealPanel view={buildRoomView(state, { role: 'projector' }, 0)} />);
    expect(screen.getByText(/Contre 2/)).toBeTruthy();
    expect(container.querySelectorAll('svg').length).toBe(2);
    expect(screen.getByRole('heading', { name: /L’Assemblée réelle/ }).textContent).toContain('adopté');
    expect(screen.getByRole('heading', { name: /Avec 2 député·es MaVoix/ }).textContent).toContain(expected.parallel.outcome);
    expect(screen.getByText(new RegExp(`À partir de ${expected.tippingPoint} député`))).toBeTruthy();
  });
});
