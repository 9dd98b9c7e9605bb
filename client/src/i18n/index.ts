import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr';
import { en } from './en';
// issue 16: profile and representativity texts
import { reweightingEn, reweightingFr } from '../features/reweighting/i18n';
import { builderEn, builderFr } from '../features/builder/i18n';
import { assembliesEn, assembliesFr } from '../features/assemblies/i18n';
import { agendaEn, agendaFr } from '../features/agenda/i18n';
import { shareEn, shareFr } from './share';
import { capacityEn, capacityFr } from '../features/capacity/i18n';

/**
 * French first, English second. The choice is kept in localStorage and mirrored on <html lang>
 * so screen readers switch voice. Resources are bundled (both are small): no request at start.
 */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'parallele.lang';

export function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return v === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function setLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for the page only
  }
  void i18next.changeLanguage(lang);
}

export const localeOf = (lang: string): string => (lang === 'en' ? 'en-GB' : 'fr-FR');

export function initI18n(lang: Language = storedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: {
        fr: { translation: { ...fr, ...shareFr, ...reweightingFr, builder: builderFr, assemblies: assembliesFr, agenda: agendaFr, capacity: capacityFr } },
        en: { translation: { ...en, ...shareEn, ...reweightingEn, builder: builderEn, assemblies: assembliesEn, agenda: agendaEn, capacity: capacityEn } },
      },
      lng: lang,
      fallbackLng: 'fr',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18next.on('languageChanged', (l) => {
      if (typeof document !== 'undefined') document.documentElement.lang = l;
    });
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
  return i18next;
}
