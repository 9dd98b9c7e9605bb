import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { ROOM_EVENTS, ROOMS_NAMESPACE, type RoomClientToServer, type RoomServerToClient, type RoomView } from '@parallele/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { REPO_ROOT } from '../server/src/config';
import { openBundledStore } from '../server/src/test-support/bundled-store';
import { createRoomsService } from '../server/src/modules/rooms/service';
import { createScrutinsService } from '../server/src/modules/scrutins';

/**
 * Workshop rooms under load: ROOMS rooms × PARTICIPANTS participants (2,000 sockets by default)
 * on ONE server process (spawned as `npm run serve` runs it, rate limits off). Figures:
 * - join: POST /participants then the socket's first `room:state` (per participant, p50/p95/p99);
 * - vote → projector count: from a participant's `room:vote` emit to the first `room:count`
 *   on its room's projector socket that includes that ballot (p50/p95/p99; aim p95 ≤ 250 ms);
 * - reveal broadcast: from the facilitator's reveal to the last of the room's sockets holding
 *   the reveal (per room, and for the 50 reveals sent at once);
 * - server memory per room: the server's RSS growth from idle to 50 full rooms, divided by 50.
 * The clients run in this process, on the same 2 cores: the latencies include their work.
 */
const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 40);
const progress = (m: string) => process.stderr.write(`[rooms bench] ${m}\n`);
type Client = Socket<RoomServerToClient, RoomClientToServer>;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/**
 * The heap a room holds in the server's cache (state + views' inputs), measured in this process
 * with a forced GC, and the server's own cost of one ballot (service.vote: version check, reducer,
 * the ballot's row and the version bump in one transaction, the voter's view), without sockets.
 */
async function heapPerRoom(): Promise<{ heap: number; voteUs: number }> {
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  const store = await openBundledStore();
  try {
    const service = createRoomsService({ db: store.db, now: () => new Date(), scrutins: createScrutinsService(store.db) });
    let voteMs = 0;
    let votes = 0;
    const make = async (r: number) => {
      const room = await service.create({ title: `Heap ${r}`, deck: [{ kind: 'scrutin', uid: 'VTANR5L17V3260' }, { kind: 'election', election: '2024-07-18', round: 3 }], maxParticipants: 200, k: null });
      const tokens: string[] = [];
      for (let p = 0; p < PARTICIPANTS; p++) tokens.push((await service.join(room.code, `P ${r}-${p}`)).token);
      for (let i = 0; i < 3; i++) await service.action(room.code, room.facilitatorKey, { type: 'advance' });
      const t0 = performance.now();
      for (const [i, t] of tokens.entries()) await service.vote(room.code, t, 0, { choice: i % 2 ? 'pour' : 'contre', prediction: 'adopté' });
      voteMs += performance.now() - t0;
      votes += tokens.length;
      await service.action(room.code, room.facilitatorKey, { type: 'reveal' });
    };
    await make(-1);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let r = 0; r < ROOMS; r++) await make(r);
    gc();
    return { heap: (process.memoryUsage().heapUsed - before) / ROOMS, voteUs: (voteMs * 1000) / votes };
  } finally {
    await store.cleanup();
  }
}

export async function run(): Promise<Record<string, string | number>> {
  const loadAtStart = loadavg().map((x) => x.toFixed(1)).join(' ');
  const dir = mkdtempSync(join(tmpdir(), 'parallele-bench-rooms-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, NODE_ENV: 'development', WARM_SCENARIOS: 'false', DATABASE_URL: `file:${join(dir, 'store.db')}`, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SECRET_KEY: 'benchmark-secret-benchmark-secret-benchmark', MAILBOX_DIR: join(dir, 'mailbox'), ROOMS_RATE_LIMITS: 'off' };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const sockets: Client[] = [];
  try {
    progress('starting the server (imports the bundled data into an empty store)');
    for (let i = 0; ; i++) {
      if (child.exitCode !== null || i > 1200) throw new Error(`server did not start:\n${out}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    await sleep(1000);
    const idleRss = rssMb(child.pid!);
    const api = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
      const res = await fetch(`${url}/api${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const open = (code: string, token?: string) =>
      new Promise<{ s: Client; first: number }>((resolve, reject) => {
        const s: Client = io(`${url}${ROOMS_NAMESPACE}`, { transports: ['websocket'], reconnection: false, auth: { code, ...(token ? { token } : {}) } });
        sockets.push(s);
        s.once(ROOM_EVENTS.state, () => resolve({ s, first: performance.now() }));
        s.once('connect_error', reject);
      });

    progress(`creating ${ROOMS} rooms`);
    const rooms = [];
    for (let r = 0; r < ROOMS; r++) {
      const c = await api<{ code: string; facilitatorKey: string }>('POST', '/rooms', { title: `Bench ${r}`, deck: [{ kind: 'scrutin', uid: 'VTANR5L17V3260' }, { kind: 'election', election: '2024-07-18', round: 3 }] });
      const facilitator = (await open(c.code, c.facilitatorKey)).s;
      const projector = (await open(c.code)).s;
      rooms.push({ ...c, facilitator, projector, phones: [] as Client[] });
    }

    progress(`joining ${ROOMS * PARTICIPANTS} participants (HTTP join + socket)`);
    const joinTimes: number[] = [];
    const joinStart = performance.now();
    await Promise.all(rooms.map(async (room, r) => {
      for (let p = 0; p < PARTICIPANTS; p++) {
        const t0 = performance.now();
        const j = await api<{ token: string }>('POST', `/rooms/${room.code}/participants`, { pseudonym: `P ${r}-${p}` });
        const { s, first } = await open(room.code, j.token);
        joinTimes.push(first - t0);
        room.phones.push(s);
      }
    }));
    const joinWall = performance.now() - joinStart;

    const action = (s: Client, a: object) => new Promise<RoomView>((resolve, reject) => (s.emit as (e: string, p: unknown, ack: (x: { ok: boolean; data?: RoomView; error?: string }) => void) => void)(ROOM_EVENTS.action, a, (x) => (x.ok ? resolve(x.data!) : reject(new Error(x.error)))));
    for (const room of rooms) for (let i = 0; i < 3; i++) await action(room.facilitator, { type: 'advance' });

    progress('voting (each participant once, spread over 4 s)');
    const latencies: number[] = [];
    const acks: number[] = [];
    await Promise.all(rooms.map(async (room) => {
      const seen: { voted: number; at: number }[] = [];
      room.projector.on(ROOM_EVENTS.count, (c) => seen.push({ voted: c.voted, at: performance.now() }));
      const pending: { t0: number; ordinal: number }[] = [];
      await Promise.all(room.phones.map(async (s, i) => {
        await sleep(Math.random() * 4000);
        const t0 = performance.now();
        const view = await new Promise<RoomView>((resolve, reject) => (s.emit as (e: string, p: unknown, ack: (x: { ok: boolean; data?: RoomView; error?: string }) => void) => void)(ROOM_EVENTS.vote, { index: 0, choice: i % 3 === 0 ? 'contre' : 'pour', prediction: 'adopté' }, (x) => (x.ok ? resolve(x.data!) : reject(new Error(x.error)))));
        acks.push(performance.now() - t0);
        pending.push({ t0, ordinal: view.counts.voted });
      }));
      for (let i = 0; i < 100 && !seen.some((x) => x.voted >= PARTICIPANTS); i++) await sleep(20);
      for (const v of pending) {
        const hit = seen.find((x) => x.voted >= v.ordinal);
        if (hit) latencies.push(hit.at - v.t0);
      }
    }));

    progress('revealing in every room at once');
    const revealStart = performance.now();
    const perRoom = await Promise.all(rooms.map(async (room) => {
      const t0 = performance.now();
      const all = [...room.phones, room.projector];
      const got = all.map((s) => new Promise<number>((resolve) => {
        const on = (v: RoomView) => {
          if (v.stage !== 'revelation') return;
          s.off(ROOM_EVENTS.state, on);
          resolve(performance.now());
        };
        s.on(ROOM_EVENTS.state, on);
      }));
      await action(room.facilitator, { type: 'reveal' });
      return Math.max(...(await Promise.all(got))) - t0;
    }));
    const revealAll = performance.now() - revealStart;
    await sleep(1000);
    const fullRss = rssMb(child.pid!);
    const received = latencies.length;
    progress('measuring the heap per room in-process');
    const { heap: heapBytes, voteUs } = await heapPerRoom();
    return {
      rooms: ROOMS,
      'load average at start (2 shared cores)': loadAtStart,
      sockets: sockets.length,
      'join (POST + first room:state) p50 / p95 / p99': `${ms(pct(joinTimes, 50))} / ${ms(pct(joinTimes, 95))} / ${ms(pct(joinTimes, 99))}`,
      'all joins, wall time': ms(joinWall),
      'vote → projector count p50 / p95 / p99': `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 95))} / ${ms(pct(latencies, 99))}`,
      'vote → ack (server applied and stored it) p50 / p95': `${ms(pct(acks, 50))} / ${ms(pct(acks, 95))}`,
      'votes measured': `${received} of ${ROOMS * PARTICIPANTS}`,
      'reveal broadcast per room p50 / max': `${ms(pct(perRoom, 50))} / ${ms(Math.max(...perRoom))}`,
      'reveal broadcast, 50 rooms at once': ms(revealAll),
      'server RSS idle → full': `${idleRss.toFixed(0)} MB → ${fullRss.toFixed(0)} MB`,
      'server RSS growth per room (noisy: GC timing)': `${((fullRss - idleRss) / ROOMS).toFixed(2)} MB`,
      'server cost per vote, in-process (service.vote, no sockets)': `${voteUs.toFixed(0)} µs`,
      'room state in the server heap, per room (forced GC)': `${(heapBytes / 1024).toFixed(1)} KB (${PARTICIPANTS} participants, 1 question revealed)`,
    };
  } finally {
    for (const s of sockets) s.close();
    child.kill('SIGTERM');
    await sleep(500);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
