import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/contract.ts';
import { isLanguage, LANGUAGES } from '../../../shared/api/limits.ts';

export interface LanguageSelectorProps {
  readonly language: Language;
  readonly onChange: (language: Language) => void;
}

/** Chooses the page's language; each language is named in itself, as people look for it so. */
export function LanguageSelector({ language, onChange }: LanguageSelectorProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) onChange(event.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`languages.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
