import type { Socket } from 'socket.io';

/**
 * Event limits of the socket server (issue 10, point 4: 5 anonymous sockets × 4,000
 * `tally:subscribe` made /api/health take 2.96 s, and a socket sending 20,000 in 0.8 s was never
 * cut). Token buckets, one per socket and one per client IP (a NAT shares the IP: its bucket is
 * larger). An event past a limit is answered `{ ok: false }` in its ack and dropped; a socket
 * that keeps going past `strikesBeforeDisconnect` refused events is disconnected.
 */
export interface SocketLimits {
  perSocket: { burst: number; perSecond: number };
  perIp: { burst: number; perSecond: number };
  strikesBeforeDisconnect: number;
  /** rooms (watched scrutins) one socket may be in */
  maxRoomsPerSocket: number;
  /**
   * How often the sessions of signed-in sockets are checked again: one that expired or was
   * deleted outside this process (an admin CLI) is downgraded within this delay. Sessions ended
   * here (logout, reset, deletion) are downgraded at once, by event.
   */
  sessionRecheckMs: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  // A page subscribes to a handful of scrutins; navigating quickly, a few dozen.
  perSocket: { burst: 40, perSecond: 10 },
  perIp: { burst: 400, perSecond: 100 },
  strikesBeforeDisconnect: 50,
  maxRoomsPerSocket: 100,
  sessionRecheckMs: 30_000,
};

interface Bucket {
  tokens: number;
  at: number;
}

function take(bucket: Bucket, rule: { burst: number; perSecond: number }, now: number): boolean {
  bucket.tokens = Math.min(rule.burst, bucket.tokens + ((now - bucket.at) / 1000) * rule.perSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

export const RATE_LIMITED = 'Too many socket events: slow down';

/** Installs the limits on every socket of the server; returns the per-IP state's cleanup. */
export function eventLimiter(limits: SocketLimits, now: () => number = Date.now) {
  const ips = new Map<string, Bucket & { sockets: number }>();
  return (socket: Socket) => {
    const ip = socket.handshake.address;
    const ipBucket = ips.get(ip) ?? { tokens: limits.perIp.burst, at: now(), sockets: 0 };
    ipBucket.sockets++;
    ips.set(ip, ipBucket);
    const own: Bucket = { tokens: limits.perSocket.burst, at: now() };
    let strikes = 0;
    socket.on('disconnect', () => {
      if (--ipBucket.sockets === 0) ips.delete(ip);
    });
    socket.use((packet, next) => {
      const t = now();
      // Both buckets are charged only when both allow: a refused event costs the IP nothing more.
      if (take(own, limits.perSocket, t) && take(ipBucket, limits.perIp, t)) return next();
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (answer: unknown) => void)({ ok: false, error: RATE_LIMITED });
      if (++strikes >= limits.strikesBeforeDisconnect) socket.disconnect(true);
    });
  };
}
