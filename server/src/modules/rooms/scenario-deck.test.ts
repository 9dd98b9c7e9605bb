import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoomResponseSchema, ROOM_SCENARIO_MAX_BYTES, ROOM_SCENARIO_MAX_QUESTIONS, RoomScenarioListResponseSchema } from '@parallele/core';
import { SCENARIOS_DIR, loadBundledData } from '@parallele/scenarios';
import { getScrutin, upsertScrutins } from '../../db/an-store';
import { createTestApi, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';

/** A scenario file as a deck source, on the shipped scenarios and the bundled scrutins. */
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api?.cleanup());

const http = () => request(api.app);
async function create(body: object) {
  const res = await http().post('/api/rooms').send({ title: 'Atelier scénario', ...body });
  expect(res.status, res.text).toBe(201);
  const room = CreateRoomResponseSchema.parse(res.body);
  const uids = (await api.deps.rooms.service.state(room.code, room.facilitatorKey)).deck.map((q) => (q.kind === 'vote' ? q.sim.uid : q.id));
  return { room, uids };
}

describe('rooms from a scenario file', () => {
  it('lists the shipped scenarios with their titles', async () => {
    const { scenarios } = RoomScenarioListResponseSchema.parse((await http().get('/api/rooms/scenarios').expect(200)).body);
    expect(scenarios.find((s) => s.name === 'censure-barnier-2024')?.title).toMatch(/Barnier/);
    expect(scenarios.map((s) => s.name)).toContain('plateforme-censures-l17');
  });

  it('a shipped scenario by name: its uids, after the deck’s own questions', async () => {
    const { uids } = await create({ deck: [{ kind: 'election', election: '2024-07-18', round: 3 }], scenario: { name: 'censure-barnier-2024' } });
    expect(uids).toHaveLength(2);
    expect(uids[1]).toBe('VTANR5L17V519');
  });

  it('a filter selection (every L17 censure motion) is capped, in numero order', async () => {
    const { uids } = await create({ scenario: { name: 'plateforme-censures-l17' } });
    // independent of the selection code: the bundled L17 motions de censure, by numero
    const motions = loadBundledData().scrutins.filter((s) => s.legislature === 17 && s.type === 'MOC').sort((a, b) => a.numero - b.numero);
    expect(motions.length).toBeGreaterThan(0);
    expect(uids).toEqual(motions.slice(0, ROOM_SCENARIO_MAX_QUESTIONS).map((s) => s.uid));
  });

  it('uploaded YAML: the same text as the shipped file gives the same deck', async () => {
    const yaml = readFileSync(`${SCENARIOS_DIR}/censure-barnier-2024.yaml`, 'utf8');
    expect((await create({ scenario: { yaml } })).uids).toEqual(['VTANR5L17V519']);
  });

  it('a scrutin imported after the start is selectable, by uid and by filter', async () => {
    const model = (await getScrutin(api.db, 'VTANR5L17V519'))!;
    const uid = 'VTANR5L17V99991' as typeof model.uid;
    const shipped = readFileSync(`${SCENARIOS_DIR}/censure-barnier-2024.yaml`, 'utf8');
    const yaml = (scrutins: string) => shipped.replace('  uids: [VTANR5L17V519]', scrutins);
    // before the import the uid is refused, naming it
    expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { yaml: yaml(`  uids: [${uid}]`) } }), 400, 'scenario.scrutins.uids[0]');
    await upsertScrutins(api.db, [{ ...model, uid, numero: 99991, titre: 'motion de censure zygomorphe (importée après le départ)' }]);
    expect((await create({ scenario: { yaml: yaml(`  uids: [${uid}]`) } })).uids).toEqual([uid]);
    expect((await create({ scenario: { yaml: yaml('  legislature: 17\n  text: zygomorphe') } })).uids).toEqual([uid]);
  });

  it('bad scenarios are refused naming the field', async () => {
    const yaml = readFileSync(`${SCENARIOS_DIR}/censure-barnier-2024.yaml`, 'utf8');
    const unknownUid = expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { yaml: yaml.replace('VTANR5L17V519', 'VTANR5L17V999999') } }), 400, 'scenario.scrutins.uids[0]');
    expect(unknownUid.detail).toContain('scenario:');
    expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { yaml: yaml.replace(/^k:/m, 'kk:') } }), 400);
    expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { yaml: 'title: [' } }), 400);
    expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { name: 'nope' } }), 400, 'scenario.name');
    expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { name: '../package' } }), 400, 'scenario.name');
    expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { yaml: 'x'.repeat(ROOM_SCENARIO_MAX_BYTES + 1) } }), 400, 'scenario.yaml');
    expectProblem(await http().post('/api/rooms').send({ title: 'T', scenario: { name: 'censure-barnier-2024', yaml } }), 400, 'scenario');
    expectProblem(await http().post('/api/rooms').send({ title: 'T' }), 400, 'deck');
  });
});
