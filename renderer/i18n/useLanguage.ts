import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/api/contract.ts';
import { isLanguage } from '../../shared/api/limits.ts';

/** The page's language as the shared text modules take it (English until i18next says else). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
