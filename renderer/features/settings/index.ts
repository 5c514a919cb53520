export { LanguageSelector } from './LanguageSelector.tsx';
export { useLanguageSetting } from './useLanguageSetting.ts';
