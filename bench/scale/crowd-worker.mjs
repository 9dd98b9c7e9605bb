/**
 * A worker thread of the scale bench's socket crowd: opens its share of websocket clients (each
 * from its own loopback address, 100 sockets per address, so the server's per-IP event budget is
 * that of a real crowd, not of one machine), subscribes each to one scrutin's tally, then records
 * when every socket receives the next tally:update after each vote. Plain JS: it runs as is in a
 * worker, without the TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

const { url, uid, count, offset, subscribeEvent, updateEvent, perAddress, concurrency, connectTimeoutMs } = workerData;
const sockets = [];
const waiting = [];
let times = [];
let armed = 0;
let dropped = 0;
const now = () => performance.timeOrigin + performance.now();
const address = (i) => {
  const n = Math.floor((offset + i) / perAddress);
  return `127.${1 + (n >> 16)}.${(n >> 8) & 255}.${(n & 255) + 1}`;
};

function open(i) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: connectTimeoutMs, localAddress: address(i) });
    const index = sockets.push(socket) - 1;
    waiting.push(false);
    socket.on(updateEvent, () => {
      if (!waiting[index]) return;
      waiting[index] = false;
      times.push(now());
      if (--armed === 0) parentPort.postMessage({ type: 'got', times, missed: 0 });
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') dropped++;
    });
    socket.once('connect_error', (error) => reject(error));
    socket.once('connect', () => socket.emit(subscribeEvent, { scrutinUid: uid }, (answer) => (answer?.ok === false ? reject(new Error(`subscribe refused: ${answer.error}`)) : resolve())));
  });
}

let next = 0;
let error;
/** Opens sockets until `to` were tried (or one failed: the ceiling), then reports. */
async function grow(to) {
  const lane = async () => {
    while (error === undefined && next < Math.min(to, count)) {
      const i = next++;
      try {
        await open(i);
      } catch (e) {
        error ??= e instanceof Error ? `${e.message}${e.description?.message ? `: ${e.description.message}` : ''}` : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const connected = sockets.filter((s) => s.connected).length;
  parentPort.postMessage({ type: 'ready', connected, error });
}

parentPort.on('message', (message) => {
  if (message.type === 'grow') {
    void grow(message.to);
  } else if (message.type === 'arm') {
    times = [];
    armed = 0;
    sockets.forEach((s, i) => {
      waiting[i] = s.connected;
      if (s.connected) armed++;
    });
    parentPort.postMessage({ type: 'armed', armed });
  } else if (message.type === 'collect') {
    const missed = waiting.filter(Boolean).length;
    waiting.fill(false);
    armed = 0;
    parentPort.postMessage({ type: 'got', times, missed });
  } else if (message.type === 'close') {
    for (const s of sockets) s.close();
    parentPort.postMessage({ type: 'closed', dropped });
  }
});
