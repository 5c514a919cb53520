import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FAULT_NOTE_LENGTH } from '../../../shared/api/limits.ts';
import { useErrorSentence } from '../../api/errors.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { PersonNameField } from '../settings/index.ts';

type SaveState = 'idle' | 'saving' | 'saved';

/** An optional note and the "Save to fault log" button; confirms once the host has stored it. */
export function SaveToFaultLog({ onSave }: { onSave: (note: string) => Promise<void> }) {
  const describeError = useErrorSentence();
  const { t } = useTranslation();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState('saving');
    setError(null);
    onSave(note.trim()).then(
      () => setState('saved'),
      (failure: unknown) => {
        setState('idle');
        setError(describeError(failure));
      },
    );
  };
  return (
    <form className="fault-log-form" onSubmit={submit}>
      <label htmlFor={noteId}>{t('diagnosis.note')}</label>
      <textarea
        id={noteId}
        rows={2}
        maxLength={MAX_FAULT_NOTE_LENGTH}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          if (state === 'saved') setState('idle');
        }}
      />
      <PersonNameField />
      <div className="row">
        <button type="submit" className="primary" disabled={state === 'saving'}>
          {state === 'saving' ? t('diagnosis.saving') : t('diagnosis.save')}
        </button>
        <span role="status" className="saved-text">
          {state === 'saved' ? t('diagnosis.saved') : ''}
        </span>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
