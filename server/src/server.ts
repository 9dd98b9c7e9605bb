/** Entry file 2 of 4 — listening: the http server and socket.io around the app, on a port (0 in tests), with a graceful close. */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { bridgeEvents } from './cluster/event-bridge';
import { createApp } from './app';
import type { AppDeps } from './deps';
import { attachSocketHandlers } from './socket';
import { originAllowed } from './socket/origin';

export interface RunningServer {
  httpServer: HttpServer;
  io: SocketServer;
  /** `http://127.0.0.1:PORT` as actually bound (port 0 → the real port). */
  url: string;
  port: number;
  /** Stop accepting, disconnect sockets, finish in-flight requests. Idempotent. */
  close(): Promise<void>;
}

/** Create the http + socket.io servers on the express app and listen (port 0 = any free port). */
export async function startServer(deps: AppDeps, port = deps.config.PORT, host = deps.config.HOST): Promise<RunningServer> {
  const app = createApp(deps);
  const httpServer = createServer(app);
  // Same origin only (the client is served by this server; Vite's dev server proxies /socket.io).
  // Payloads are tiny ({ scrutinUid }): 16 kB bounds what one message can make us parse.
  const io = new SocketServer(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16_384,
    allowRequest: originAllowed({ publicUrl: deps.config.PUBLIC_URL, extra: deps.config.SOCKET_ALLOWED_ORIGINS }),
    // issue 14: rooms and broadcasts across processes, through a Redis stream (survives short outages)
    ...(deps.redis ? { adapter: createAdapter(deps.redis.bus, { streamName: `${deps.redis.prefix}socket.io`, sessionKeyPrefix: `${deps.redis.prefix}sio:session:` }) } : {}),
  });
  const detachSockets = attachSocketHandlers(io, deps);
  deps.capacity.watchSockets(() => io.engine.clientsCount);
  // Domain events reach the other processes; when Redis comes back, the tallies are read again.
  const bridge = deps.redis ? bridgeEvents(io, deps.events, deps.logger) : undefined;
  let redisWasDown = false;
  const onRedisError = () => void (redisWasDown = true);
  const onRedisReady = () => {
    if (redisWasDown) bridge?.resync();
    redisWasDown = false;
  };
  deps.redis?.bus.on('error', onRedisError).on('ready', onRedisReady);

  await new Promise<void>((resolveListen, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolveListen();
    });
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost === '0.0.0.0' || shownHost === '[::]' ? 'localhost' : shownHost}:${address.port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolveClose) => {
      detachSockets();
      bridge?.close();
      deps.redis?.bus.off('error', onRedisError).off('ready', onRedisReady);
      // io.close() disconnects every socket and closes the http server (waiting for requests).
      void io.close(() => resolveClose());
      // Idle keep-alive connections would otherwise hold close() open until they time out.
      httpServer.closeIdleConnections();
    });
    return closing;
  };
  return { httpServer, io, url, port: address.port, close };
}
