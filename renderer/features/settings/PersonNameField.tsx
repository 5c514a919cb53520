import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PERSON_NAME_LENGTH } from '../../../shared/api/limits.ts';
import { usePersonName } from './usePersonName.ts';

/**
 * "Your name", remembered by this browser: who the fault log says saved an entry or changed it.
 * `inputRef` lets a form that needs the name put the cursor here.
 */
export function PersonNameField({
  inputRef,
  describedBy,
}: {
  inputRef?: React.Ref<HTMLInputElement>;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { name, setName } = usePersonName();
  return (
    <div className="person-name">
      <label htmlFor={id}>{t('faultLog.yourName')}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        autoComplete="name"
        maxLength={MAX_PERSON_NAME_LENGTH}
        value={name}
        aria-describedby={describedBy}
        onChange={(event) => setName(event.target.value)}
      />
    </div>
  );
}
