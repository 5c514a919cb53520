import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComponentType } from '../../../shared/diagnosis/profile.ts';
import { Field } from '../../components/Field.tsx';
import { ComponentFieldset } from './ComponentFieldset.tsx';
import { COMPONENT_TYPES } from './profileDraft.ts';
import type { ComponentDraft, ShaftDraft } from './profileDraft.ts';
import type { MachineEditorActions } from './useMachineEditor.ts';

export interface ComponentsEditorProps {
  readonly components: readonly ComponentDraft[];
  readonly shafts: readonly ShaftDraft[];
  readonly actions: MachineEditorActions;
  readonly problemAt: (...paths: string[]) => string | null;
}

/** The machine's components and the control that adds one of a chosen type. */
export function ComponentsEditor({
  components,
  shafts,
  actions,
  problemAt,
}: ComponentsEditorProps) {
  const { t } = useTranslation();
  // Which type the next "Add component" creates: form-local UI state, not part of the profile.
  const [nextType, setNextType] = useState<ComponentType>('bearing');
  return (
    <section className="form-section" aria-labelledby="components-title">
      <h3 id="components-title">{t('editor.components')}</h3>
      {components.length === 0 && <p className="muted">{t('editor.noComponents')}</p>}
      {components.map((component, index) => (
        <ComponentFieldset
          key={component.key}
          component={component}
          index={index}
          shafts={shafts}
          actions={actions}
          problemAt={problemAt}
        />
      ))}
      <div className="row add-row">
        <Field label={t('editor.newComponentType')} problem={null}>
          {({ id }) => (
            <select
              id={id}
              value={nextType}
              onChange={(e) => setNextType(e.target.value as ComponentType)}
            >
              {COMPONENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`componentTypes.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" onClick={() => actions.addComponent(nextType)}>
          {t('editor.addComponent')}
        </button>
      </div>
    </section>
  );
}
