/** The page's translations outside React, for tests of code that writes sentences. */
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import en from '../../renderer/i18n/en.json';
import zhCN from '../../renderer/i18n/zh-CN.json';
import type { Language } from '../../shared/api/contract.ts';

/** A `t` of the page's catalogues in `language`, initialised synchronously. */
export function translator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
