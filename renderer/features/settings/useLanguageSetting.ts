import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { applyDocumentLanguage, cacheLanguage, isLanguage } from '../../i18n/i18n.ts';

export interface LanguageSetting {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly error: string | null;
}

/**
 * The page's language: applied at once (text, `lang`, the local cache for the next first paint)
 * and remembered by the host. At start the host's setting wins over the local cache.
 */
export function useLanguageSetting(): LanguageSetting {
  const describeError = useErrorSentence();
  const api = useApi();
  const { i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const apply = useCallback(
    (language: Language) => {
      applyDocumentLanguage(language);
      cacheLanguage(language);
      if (i18n.language !== language) void i18n.changeLanguage(language);
    },
    [i18n],
  );
  useEffect(() => {
    let live = true;
    api.settings.get().then(
      (settings) => {
        if (live && isLanguage(settings.language)) apply(settings.language);
      },
      (e: unknown) => {
        if (live) setError(describeError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, apply, describeError]);
  const setLanguage = useCallback(
    (language: Language) => {
      apply(language);
      setError(null);
      api.settings.set({ language }).catch((e: unknown) => setError(describeError(e)));
    },
    [api, apply, describeError],
  );
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  return { language: current, setLanguage, error };
}
