/**
 * i18next set up for the page: English and Simplified Chinese, bundled (no network fetch). The
 * language belongs to the person, not to the library: it is remembered in this browser's
 * localStorage (read synchronously at start, so the first paint is already in it) and otherwise
 * follows the browser's preference. Later a signed-in user's profile can carry it.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/api/contract.ts';
import { isLanguage, LANGUAGES } from '../../shared/api/limits.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

const CACHE_KEY = 'auscult.language';

/**
 * The language to paint first: the cached choice, else the browser's preference (any `zh` →
 * Simplified Chinese), else English.
 */
export function initialLanguage(cached: string | null, preferred: readonly string[]): Language {
  if (isLanguage(cached)) return cached;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

function readCachedLanguage(): string | null {
  try {
    return window.localStorage.getItem(CACHE_KEY);
  } catch {
    // Storage can be disabled (privacy settings): the browser's preference applies instead.
    return null;
  }
}

/** Remembers the person's language in this browser, for every later start. */
export function cacheLanguage(language: Language): void {
  try {
    window.localStorage.setItem(CACHE_KEY, language);
  } catch {
    // Not fatal: the choice holds until the page is closed.
  }
}

/** Makes `lang` follow the language, for screen readers, fonts and line breaking. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}

/** Creates and initialises the page's i18next instance synchronously. */
export function createI18n(): I18n {
  const language = initialLanguage(readCachedLanguage(), navigator.languages ?? []);
  applyDocumentLanguage(language);
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React escapes text itself.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
