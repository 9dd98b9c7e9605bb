import { fetchScrutins } from '../api';

const UID = /^VT[A-Z]{3}\dL\d+V\d+$/i;

/**
 * The vote a search names outright: a uid (`VTANR5L16V1240`), or a number (`1240`) — the server
 * ranks a famous vote of that number first, then the most recent legislature's (or the chosen
 * legislature's). Null when the text is a search, not a name.
 */
export async function directTarget(text: string, legislature: string | null): Promise<string | null> {
  const q = text.trim();
  if (UID.test(q)) return q.toUpperCase();
  if (!/^\d{1,6}$/.test(q)) return null;
  const n = Number(q);
  // 1–2 digits are words of titles too ("49"), not numbers to the server: the chosen (or latest) legislature's
  if (q.length < 3) return `VTANR5L${legislature ?? '17'}V${n}`;
  const found = await fetchScrutins({ q, legislature: legislature ? Number(legislature) : undefined, pageSize: 20 });
  return found.items.find((s) => s.numero === n)?.uid ?? null;
}
