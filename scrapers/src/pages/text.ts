/** Text helpers shared by the page parsers: whitespace, accents, French dates and counts. */

/** Collapse every run of whitespace (NBSP included) to one space and trim. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/**
 * The key two spellings of one name share: no accents, lower case, hyphens and apostrophes as
 * spaces, whitespace collapsed. "Iñaki  Echaniz" and "Inaki Echaniz" give the same key.
 */
export function nameKey(s: string): string {
  return cleanText(
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’'‐‑–—-]/g, ' ')
      .replace(/\./g, ' ')
      .toLowerCase(),
  );
}

const ORDINALS: Record<string, number> = {
  premiere: 1,
  unique: 1,
  deuxieme: 2,
  seconde: 2,
  troisieme: 3,
  quatrieme: 4,
};

/** "Deuxième séance du mardi 21 juillet 2026" → 2; null when the sitting has no ordinal. */
export function sittingOrdinal(s: string): number | null {
  const first = nameKey(s).split(' ')[0] ?? '';
  return ORDINALS[first] ?? null;
}

const MONTHS = [
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** "… du mardi 21 juillet 2026" or "… du 26/01/2016" → "2026-07-21" / "2016-01-26"; null if none. */
export function frenchDate(s: string): string | null {
  const key = nameKey(s);
  const numeric = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(key);
  if (numeric) return `${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}`;
  const words = /(\d{1,2})(?:er)? (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (\d{4})/.exec(key);
  if (!words) return null;
  return `${words[3]}-${pad(MONTHS.indexOf(words[2] ?? '') + 1)}-${pad(Number(words[1]))}`;
}

/** The first integer in a text ("(122 membres)" → 122, ": 114" → 114), or null. */
export function firstInt(s: string): number | null {
  const m = /\d[\d\s\u00a0\u202f]*/.exec(s);
  if (!m) return null;
  return Number(m[0].replace(/[\s\u00a0\u202f]/g, ''));
}
