import type { IncomingMessage } from 'node:http';

/**
 * The socket server accepts a browser's connection only from the app's own origin (issue 10,
 * point 5: it accepted any `Origin`, so any site could open a socket with the visitor's session
 * cookie). Allowed: the origin of PUBLIC_URL, the host the request was sent to (the app served
 * by this server, or Vite's dev proxy), and the origins listed in SOCKET_ALLOWED_ORIGINS. No
 * `Origin` header at all is not a browser (CLI, tests): nothing to protect from there, as such a
 * client can send any header it likes.
 */
export function originAllowed(allowed: { publicUrl?: string | undefined; extra: readonly string[] }) {
  const origins = new Set<string>(allowed.extra.map((o) => new URL(o).origin));
  if (allowed.publicUrl) origins.add(new URL(allowed.publicUrl).origin);
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    if (origin === undefined) return callback(null, true);
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      return callback('origin not allowed', false);
    }
    const ok = origins.has(origin) || (host !== null && host === req.headers.host);
    callback(ok ? null : 'origin not allowed', ok);
  };
}
