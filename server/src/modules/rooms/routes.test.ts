import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoomResponseSchema, JoinRoomResponseSchema, RoomViewSchema, simulate, toSimScrutin } from '@parallele/core';
import { getScrutin } from '../../db/an-reads';
import { createTestApi, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';
import { createApp } from '../../app';
import { testConfig } from '../../config';
import { createRooms } from './rooms';

let api: TestApi;
let clock = Date.UTC(2026, 0, 12, 9);
beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(clock) });
});
afterAll(() => api?.cleanup());

const http = () => request(api.app);
const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
async function createRoom(deck: unknown[] = [{ kind: 'scrutin', uid: 'VTANR5L17V3260' }, { kind: 'election', election: '2024-07-18', round: 3 }], extra: object = {}) {
  const res = await http().post('/api/rooms').send({ title: 'Atelier du mardi', deck, ...extra });
  expect(res.status, res.text).toBe(201);
  return CreateRoomResponseSchema.parse(res.body);
}
async function join(code: string, pseudonym: string) {
  const res = await http().post(`/api/rooms/${code}/participants`).send({ pseudonym });
  expect(res.status, res.text).toBe(201);
  return JoinRoomResponseSchema.parse(res.body);
}
const act = (code: string, key: string, body: object) => http().post(`/api/rooms/${code}/actions`).set(bearer(key)).send(body);

describe('rooms over HTTP', () => {
  it('plays a question through the reveal, computed on the real scrutin from the store', async () => {
    const room = await createRoom();
    expect(room.code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{6}$/);
    expect(room.links.facilitator).toContain(room.facilitatorKey);
    const a = await join(room.code, 'Ana');
    const b = await join(room.code, 'Bilal');
    for (let i = 0; i < 3; i++) expect((await act(room.code, room.facilitatorKey, { type: 'advance' })).status).toBe(200);
    await http().put(`/api/rooms/${room.code}/questions/0/vote`).set(bearer(a.token)).send({ choice: 'contre', prediction: 'adopté' }).expect(200);
    const mine = RoomViewSchema.parse((await http().put(`/api/rooms/${room.code}/questions/0/vote`).set(bearer(b.token)).send({ choice: 'contre' }).expect(200)).body);
    expect(mine.me?.ballot).toEqual({ choice: 'contre', prediction: null });
    const projector = RoomViewSchema.parse((await http().get(`/api/rooms/${room.code}`).expect(200)).body);
    expect(projector.role).toBe('projector');
    expect(projector.counts).toEqual({ participants: 2, voted: 2 });
    expect(projector.reveal).toBeNull();
    const revealed = RoomViewSchema.parse((await act(room.code, room.facilitatorKey, { type: 'reveal' }).expect(200)).body);
    const expected = simulate(toSimScrutin((await getScrutin(api.db, 'VTANR5L17V3260'))!), { k: 2, split: [0, 2, 0] });
    expect(revealed.reveal).toMatchObject({ kind: 'vote', k: 2, parallel: expected.parallel, tippingPoint: expected.tippingPoint, flipped: expected.flipped });
    const csv = await http().get(`/api/rooms/${room.code}/export.csv`).set(bearer(room.facilitatorKey)).expect(200);
    expect(csv.text).toContain('VTANR5L17V3260');
    expect(csv.text).not.toMatch(/Ana|Bilal/);
    const report = await http().get(`/api/rooms/${room.code}/report.html?recap=${room.recapKey}`).expect(200);
    expect(report.text).toContain('<img alt="Assemblée réelle"');
    expect(report.text).toContain('data:image/svg+xml;base64,');
    const recap = RoomViewSchema.parse((await http().get(`/api/rooms/${room.code}?recap=${room.recapKey}`).expect(200)).body);
    expect(recap.history).toHaveLength(1);
  });

  it('answers bad input in French and English, naming what was wrong', async () => {
    const room = await createRoom(undefined, { maxParticipants: 2 });
    const a = await join(room.code, 'Camille');
    const taken = expectProblem(await http().post(`/api/rooms/${room.code}/participants`).set('Accept-Language', 'fr-FR').send({ pseudonym: 'camille' }), 409, 'pseudonym');
    expect(taken.detail).toContain('Essayez « camille 2 »');
    expect((taken as { messages?: { en: string } }).messages?.en).toContain('taken');
    await join(room.code, 'Dominique');
    expect(expectProblem(await http().post(`/api/rooms/${room.code}/participants`).send({ pseudonym: 'Eve' }), 409, 'code').code).toBe('room-full');
    expect(expectProblem(await http().get('/api/rooms/ACDEFG'), 404, 'code').code).toBe('room-not-found');
    expectProblem(await http().get('/api/rooms/AB0O1I'), 400, 'code');
    const outside = expectProblem(await http().put(`/api/rooms/${room.code}/questions/0/vote`).set(bearer(a.token)).set('Accept-Language', 'en').send({ choice: 'pour' }), 409, 'stage');
    expect(outside.code).toBe('vote-outside-phase');
    expect(outside.detail).toMatch(/vote phase/);
    const forbidden = expectProblem(await act(room.code, a.token, { type: 'advance' }), 403, 'authorization');
    expect(forbidden.code).toBe('room-facilitator-only');
    expectProblem(await act(room.code, 'f_' + 'x'.repeat(43), { type: 'advance' }), 403, 'authorization');
    expectProblem(await http().post(`/api/rooms/${room.code}/actions`).send({ type: 'advance' }), 401, 'authorization');
    const malformed = await http().post('/api/rooms').send({ title: 'T', deck: [{ kind: 'custom', title: 'Q', text: 'Q ?', assembly: { kind: 'fictional', name: 'C', parties: [{ name: 'A', seats: -1, position: 'oui' }] } }] });
    const problem = expectProblem(malformed, 400);
    expect(problem.errors?.map((e) => e.param)).toEqual(expect.arrayContaining(['deck[0].assembly.parties[0].seats', 'deck[0].assembly.parties[0].position']));
    const unknownGroup = expectProblem(await http().post('/api/rooms').send({ title: 'T', deck: [{ kind: 'custom', title: 'Q', text: 'Q ?', assembly: { kind: 'an', date: '2025-10-16', positions: { XYZ: 'pour' } } }] }), 400, 'deck[0].assembly.positions.XYZ');
    expect(unknownGroup.detail).toContain('XYZ');
    expectProblem(await http().post('/api/rooms').send({ title: 'T', deck: [{ kind: 'scrutin', uid: 'VTANR5L17V99999' }] }), 400, 'deck[0].uid');
    await act(room.code, room.facilitatorKey, { type: 'close' }).expect(200);
    expect(expectProblem(await http().post(`/api/rooms/${room.code}/participants`).send({ pseudonym: 'Zoé' }), 410, 'code').code).toBe('room-closed');
  });

  it('a custom question put to the AN groups of a date uses their real seats', async () => {
    const room = await createRoom([{ kind: 'custom', title: 'Vote à 16 ans', text: 'Faut-il voter à 16 ans ?', assembly: { kind: 'an', date: '2025-10-16', positions: { RN: 'contre', 'LFI-NFP': 'pour' } } }]);
    await act(room.code, room.facilitatorKey, { type: 'advance' }).expect(200);
    const v = RoomViewSchema.parse((await http().get(`/api/rooms/${room.code}`)).body);
    expect(v.question?.seats).toBe((await getScrutin(api.db, 'VTANR5L17V3059'))!.groups.reduce((a, g) => a + g.members, 0));
    expect(v.question?.groups.map((g) => g.label)).toEqual(expect.arrayContaining(['RN', 'LFI-NFP']));
  });

  it('kicks, deletes at once, and expires rooms 24 h after the last activity', async () => {
    const room = await createRoom();
    const a = await join(room.code, 'Ana');
    await act(room.code, room.facilitatorKey, { type: 'kick', participantId: a.participantId }).expect(200);
    expect(expectProblem(await http().post(`/api/rooms/${room.code}/participants/me`).set(bearer(a.token)), 403).code).toBe('participant-kicked');
    const other = await createRoom();
    clock += 24 * 3600_000 + 1;
    expectProblem(await http().get(`/api/rooms/${other.code}`), 404, 'code');
    expect(await api.db.store.get('SELECT count(*) AS n FROM rooms WHERE code = ?', [other.code])).toEqual({ n: 0 });
    const fresh = await createRoom();
    await http().delete(`/api/rooms/${fresh.code}`).set(bearer(fresh.facilitatorKey)).expect(204);
    expectProblem(await http().get(`/api/rooms/${fresh.code}`), 404);
  });

  it('renders a pseudonym as text, never HTML', async () => {
    const room = await createRoom();
    expectProblem(await http().post(`/api/rooms/${room.code}/participants`).send({ pseudonym: '<img src=x>' }), 400, 'pseudonym');
  });

  it('limits votes per participant token (429, in French and English) and sweeps idle rooms', async () => {
    const deps = { ...api.deps, rooms: createRooms({ ...api.deps, config: testConfig({ ROOMS_ACTIONS_PER_TOKEN: '3' }) }) };
    const app = createApp(deps);
    const created = CreateRoomResponseSchema.parse((await request(app).post('/api/rooms').send({ title: 'Limites', deck: [{ kind: 'scrutin', uid: 'VTANR5L17V3260' }] }).expect(201)).body);
    const a = JoinRoomResponseSchema.parse((await request(app).post(`/api/rooms/${created.code}/participants`).send({ pseudonym: 'Ana' }).expect(201)).body);
    for (let i = 0; i < 3; i++) await request(app).post(`/api/rooms/${created.code}/actions`).set(bearer(created.facilitatorKey)).send({ type: 'advance' }).expect(200);
    for (let i = 0; i < 3; i++) await request(app).put(`/api/rooms/${created.code}/questions/0/vote`).set(bearer(a.token)).send({ choice: 'pour' }).expect(200);
    const limited = expectProblem(await request(app).put(`/api/rooms/${created.code}/questions/0/vote`).set(bearer(a.token)).send({ choice: 'contre' }), 429);
    expect(limited.code).toBe('room-rate-limited');
    expect((limited as { messages?: { fr: string } }).messages?.fr).toContain('Trop de requêtes');
    // another participant (another token) is not limited by Ana's flood
    const b = JoinRoomResponseSchema.parse((await request(app).post(`/api/rooms/${created.code}/participants`).send({ pseudonym: 'Bilal' }).expect(201)).body);
    await request(app).put(`/api/rooms/${created.code}/questions/0/vote`).set(bearer(b.token)).send({ choice: 'contre' }).expect(200);
    clock += 24 * 3600_000 + 1;
    expect(await deps.rooms.service.sweep()).toBeGreaterThanOrEqual(1);
    expect(await api.db.store.get('SELECT count(*) AS n FROM rooms WHERE code = ?', [created.code])).toEqual({ n: 0 });
  });
});
