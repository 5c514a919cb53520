import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/contract.ts';
import { applyDocumentLanguage, cacheLanguage } from '../../i18n/i18n.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

export interface LanguageSetting {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
}

/**
 * The page's language, which belongs to the person at this browser, not to the library: two
 * people on one host may read it in different languages. Applied at once (text, `lang`) and
 * kept in this browser's localStorage; the host's `settings` are neither read nor written.
 */
export function useLanguageSetting(): LanguageSetting {
  const { i18n } = useTranslation();
  const setLanguage = useCallback(
    (language: Language) => {
      applyDocumentLanguage(language);
      cacheLanguage(language);
      if (i18n.language !== language) void i18n.changeLanguage(language);
    },
    [i18n],
  );
  return { language: useLanguage(), setLanguage };
}
