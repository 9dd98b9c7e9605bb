import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n';

/** Numbers and dates in the reader's language (fr: narrow no-break thousands separator). */
export function formatNumber(n: number, lang: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeOf(lang), options).format(n);
}

export function formatDate(iso: string, lang: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  // noon UTC: the calendar day never shifts with the reader's time zone
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return new Intl.DateTimeFormat(localeOf(lang), style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatPercent(x: number, lang: string, digits = 1): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: digits }).format(x);
}

/** The AN titles start lower-case ("la motion de censure…"): capitalise the first letter. */
export const capitalise = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('fr-FR') + s.slice(1) : s);

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    locale: localeOf(lang),
    n: (x: number, o?: Intl.NumberFormatOptions) => formatNumber(x, lang, o),
    date: (iso: string, style?: 'long' | 'short') => formatDate(iso, lang, style),
    pct: (x: number, digits?: number) => formatPercent(x, lang, digits),
    /** "K : 7" in French, "K: 7" in English */
    colon: lang === 'en' ? ': ' : ' : ',
  };
}
