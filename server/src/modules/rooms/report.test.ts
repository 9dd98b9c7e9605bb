import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoomBodySchema, type RoomState } from '@parallele/core';
import { pngSize } from '@parallele/scenarios';
import { roomReportHtml } from './report';
import { roomsTestStore } from './test-store';

/** The one-page report: every revealed question drawn by the charts, as SVG and as PNG. */
let store: ReturnType<typeof roomsTestStore>;
let state: RoomState;
beforeAll(async () => {
  store = roomsTestStore(() => new Date('2026-03-01T10:00:00Z'));
  const { service } = await store.serve();
  const room = await service.create(CreateRoomBodySchema.parse({
    title: 'Atelier <b>rapport</b>',
    deck: [
      { kind: 'custom', title: 'Cantine bio', text: 'Pour ou contre ?', assembly: { kind: 'fictional', name: 'Conseil', parties: [{ name: 'Verts', seats: 12, position: 'pour' }, { name: 'Bleus', seats: 10, position: 'contre' }] } },
      { kind: 'election', election: '2024-07-18', round: 2 },
    ],
  }));
  const tokens: string[] = [];
  for (const p of ['Ana', 'Bilal', 'Chloé']) tokens.push((await service.join(room.code, p)).token);
  const act = (type: 'advance' | 'reveal') => service.action(room.code, room.facilitatorKey, { type });
  for (let i = 0; i < 3; i++) await act('advance');
  for (const [i, t] of tokens.entries()) await service.vote(room.code, t, 0, { choice: i ? 'contre' : 'pour', prediction: null });
  await act('reveal');
  for (let i = 0; i < 3; i++) await act('advance');
  for (const t of tokens) await service.vote(room.code, t, 1, { choice: 2, prediction: null });
  await act('reveal');
  state = await service.state(room.code, room.facilitatorKey);
}, 60_000);
afterAll(async () => {
  await store?.cleanup();
});

const images = (html: string, type: string) => [...html.matchAll(new RegExp(`data:${type.replace('+', '\\+')};base64,([A-Za-z0-9+/=]+)`, 'g'))].map((m) => Buffer.from(m[1]!, 'base64'));

describe('the room’s HTML report', () => {
  it('draws a vote as two hemicycles and an election round as bars, each with its PNG', () => {
    const html = roomReportHtml(state, 'fr');
    expect(html).toContain('<img alt="Assemblée réelle"');
    expect(html).toContain('<img alt="Tour 2 : réel et avec 3 député·es MaVoix"');
    const pngs = images(html, 'image/png');
    expect(pngs).toHaveLength(3);
    expect(pngs.map((p) => pngSize(p)?.width)).toEqual([420, 420, 640]);
    expect(html).toContain('download="question-2-tour.png"');
    // the election chart names every candidate of the round and the majority it needed
    const round = images(html, 'image/svg+xml').map(String).find((svg) => svg.includes('Tour 2'))!;
    for (const name of ['Yaël Braun-Pivet (EPR)', 'André Chassaigne (NFP/GDR)', 'Sébastien Chenu (RN)']) expect(round).toContain(name);
    expect(round).toMatch(/majorité absolue : 285 voix/);
    expect(round).toContain('Avec 3 député·es MaVoix');
  });

  it('speaks English when asked and escapes the room’s title', () => {
    const html = roomReportHtml(state, 'en');
    expect(html).toContain('<img alt="Round 2: real and with 3 MaVoix deputies"');
    expect(html).toContain('Atelier &lt;b&gt;rapport&lt;/b&gt;');
    expect(html).not.toContain('<b>rapport</b>');
  });
});
