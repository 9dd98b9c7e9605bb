import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoomResponseSchema, FacilitatorKeyResponseSchema, MyRoomsResponseSchema, RoomViewSchema } from '@parallele/core';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer, type SignedIn } from '../../test-support/citizens';
import { ROOM_IDLE_MS } from './service';

/** "Vos salles": a signed-in facilitator keeps their rooms and can take the console back. */
let t: CitizensTestServer;
let owner: SignedIn;
let other: SignedIn;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 1 });
  owner = await signUpOverHttp(t, 'animatrice@example.org');
  other = await signUpOverHttp(t, 'autre@example.org');
}, 60_000);
afterAll(() => t?.close());

const deck = [{ kind: 'custom', title: 'Cantine bio', text: 'Faut-il une cantine 100 % bio ?', assembly: { kind: 'fictional', name: 'Conseil de classe', parties: [{ name: 'Verts', seats: 12, position: 'pour' }, { name: 'Bleus', seats: 10, position: 'contre' }] } }];
const create = async (as: SignedIn | null, title: string) => {
  const r = as ? await as.agent.post('/api/rooms').set('x-csrf-token', as.csrf).send({ title, deck }) : await request(t.url).post('/api/rooms').send({ title, deck });
  expect(r.status, r.text).toBe(201);
  return CreateRoomResponseSchema.parse(r.body);
};
const mine = async (as: SignedIn) => MyRoomsResponseSchema.parse((await as.agent.get('/api/me/rooms').expect(200)).body).rooms;

describe('GET /api/me/rooms', () => {
  it('lists the owner’s rooms only, without the key; anonymous gets 401', async () => {
    const a = await create(owner, 'Atelier du mardi');
    const b = await create(owner, 'Atelier du jeudi');
    await create(null, 'Salle anonyme');
    await create(other, 'Salle de l’autre');
    const rooms = await mine(owner);
    expect(rooms.map((r) => r.code).sort()).toEqual([a.code, b.code].sort());
    expect(rooms.find((r) => r.code === a.code)).toMatchObject({ title: 'Atelier du mardi', stage: 'lobby', closed: false, questions: 1, participants: 0, links: { facilitator: `/salle/${a.code}/animation` } });
    expect(JSON.stringify(rooms)).not.toContain(a.facilitatorKey);
    expect((await mine(other)).map((r) => r.title)).toEqual(['Salle de l’autre']);
    const anonymous = await request(t.url).get('/api/me/rooms');
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toBe('application/problem+json');
  });

  it('a signed-in creation without the CSRF header is refused (no owner planted cross-site)', async () => {
    const r = await owner.agent.post('/api/rooms').send({ title: 'Sans jeton', deck });
    expect(r.status).toBe(403);
    expect((await mine(owner)).map((x) => x.title)).not.toContain('Sans jeton');
  });

  it('the owner takes the console back with a fresh key; the old key stops working; nobody else can', async () => {
    const room = await create(owner, 'Reprise');
    const stolen = await other.agent.post(`/api/me/rooms/${room.code}/facilitator-key`).set('x-csrf-token', other.csrf);
    expect(stolen.status).toBe(404);
    expect((await request(t.url).post(`/api/me/rooms/${room.code}/facilitator-key`)).status).toBe(401);
    const fresh = FacilitatorKeyResponseSchema.parse((await owner.agent.post(`/api/me/rooms/${room.code}/facilitator-key`).set('x-csrf-token', owner.csrf).expect(200)).body);
    expect(fresh.links.facilitator).toBe(`/salle/${room.code}/animation#cle=${fresh.facilitatorKey}`);
    const view = RoomViewSchema.parse((await request(t.url).get(`/api/rooms/${room.code}`).set('Authorization', `Bearer ${fresh.facilitatorKey}`).expect(200)).body);
    expect(view.role).toBe('facilitator');
    expect((await request(t.url).get(`/api/rooms/${room.code}`).set('Authorization', `Bearer ${room.facilitatorKey}`)).status).toBe(403);
  });

  it('deleted and expired rooms vanish from the list', async () => {
    const gone = await create(owner, 'À supprimer');
    await request(t.url).delete(`/api/rooms/${gone.code}`).set('Authorization', `Bearer ${gone.facilitatorKey}`).expect(204);
    expect((await mine(owner)).map((r) => r.code)).not.toContain(gone.code);
    t.clock.now += ROOM_IDLE_MS + 60_000;
    try {
      expect(await mine(owner)).toEqual([]);
    } finally {
      t.clock.now -= ROOM_IDLE_MS + 60_000;
    }
  });
});
