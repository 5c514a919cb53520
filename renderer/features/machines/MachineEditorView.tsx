import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field, TextField } from '../../components/Field.tsx';
import { ComponentsEditor } from './ComponentsEditor.tsx';
import { FrequencyPreview } from './FrequencyPreview.tsx';
import { problemLookup } from './problemAt.ts';
import { ShaftsEditor } from './ShaftsEditor.tsx';
import type { MachineEditor } from './useMachineEditor.ts';

export interface MachineEditorViewProps {
  readonly title: string;
  readonly editor: MachineEditor;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

interface GeneralSectionProps {
  readonly name: string;
  readonly lineFrequencyHz: '50' | '60';
  readonly actions: MachineEditor['actions'];
  readonly nameProblem: string | null;
  readonly lineProblem: string | null;
}

function GeneralSection({
  name,
  lineFrequencyHz,
  actions,
  nameProblem,
  lineProblem,
}: GeneralSectionProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="general-title">
      <h3 id="general-title">{t('editor.general')}</h3>
      <div className="row">
        <TextField
          label={t('fields.machineName')}
          value={name}
          onChange={actions.setName}
          problem={nameProblem}
        />
        <Field label={t('fields.lineFrequencyHz')} problem={lineProblem}>
          {({ id }) => (
            <select
              id={id}
              value={lineFrequencyHz}
              onChange={(e) => actions.setLineFrequency(e.target.value === '60' ? '60' : '50')}
            >
              <option value="50">50 Hz</option>
              <option value="60">60 Hz</option>
            </select>
          )}
        </Field>
      </div>
    </section>
  );
}

/** The machine form beside the live preview of its characteristic frequencies. */
export function MachineEditorView({ title, editor, onSave, onCancel }: MachineEditorViewProps) {
  const { t } = useTranslation();
  const { draft, check, actions } = editor;
  const problemAt = problemLookup(t, check);
  const nameProblem = editor.nameMissing
    ? t('where.problem', { where: t('fields.machineName'), problem: t('problems.nameRequired') })
    : problemAt('name', 'id', '');
  const canSave = check.ok && !editor.nameMissing && !editor.saving;
  return (
    <form
      className="editor"
      aria-labelledby="editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSave) onSave();
      }}
    >
      <h2 id="editor-title">{title}</h2>
      <div className="editor-columns">
        <div className="editor-form">
          <GeneralSection
            name={draft.name}
            lineFrequencyHz={draft.lineFrequencyHz}
            actions={actions}
            nameProblem={nameProblem}
            lineProblem={problemAt('lineFrequencyHz')}
          />
          <ShaftsEditor shafts={draft.shafts} actions={actions} problemAt={problemAt} />
          <ComponentsEditor
            components={draft.components}
            shafts={draft.shafts}
            actions={actions}
            problemAt={problemAt}
          />
        </div>
        <FrequencyPreview
          preview={editor.preview}
          showAll={editor.showAllLines}
          onShowAll={editor.setShowAllLines}
        />
      </div>
      <div className="form-actions">
        {!check.ok && (
          <p className="muted">{t('editor.fixFirst', { problem: problemAt(check.path) })}</p>
        )}
        <ErrorText message={editor.saveError} />
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={!canSave}>
          {editor.saving ? t('editor.saving') : t('editor.save')}
        </button>
      </div>
    </form>
  );
}
