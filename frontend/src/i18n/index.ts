import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from './en.json';
import fr from './fr.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'levier.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

/** The language to open in: the one chosen in this browser, else the browser's own (its first
 * preference that is French or English, "en-US" → en), else French. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'fr';
}

function browserLanguages(): readonly string[] {
  // Outside a browser (Node has a navigator too, in en-US) there is nobody's preference to follow.
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language].filter(Boolean);
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null, browserLanguages()),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** The UI language, also sent as Accept-Language so the server's messages match. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'fr';
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
