export { LanguageSelector } from './LanguageSelector.tsx';
export { useLanguageSetting } from './useLanguageSetting.ts';
export { PersonNameField } from './PersonNameField.tsx';
export { usePersonName } from './usePersonName.ts';
export { HubLinkPanel } from './HubLinkPanel.tsx';
