import { useTranslation } from 'react-i18next';
import type { ComponentType } from '../../../shared/diagnosis/profile.ts';
import { Field, TextField } from '../../components/Field.tsx';
import { COMPONENT_TYPES, componentFields, hasKinematicsMode } from './profileDraft.ts';
import type { ComponentDraft, KinematicsMode, ShaftDraft } from './profileDraft.ts';
import type { MachineEditorActions } from './useMachineEditor.ts';

export interface ComponentFieldsetProps {
  readonly component: ComponentDraft;
  readonly index: number;
  readonly shafts: readonly ShaftDraft[];
  readonly actions: MachineEditorActions;
  readonly problemAt: (...paths: string[]) => string | null;
}

type Update = (change: Partial<Omit<ComponentDraft, 'key'>>) => void;

interface PartProps extends ComponentFieldsetProps {
  readonly path: string;
  readonly update: Update;
}

function TypeSelect({ component, path, update, problemAt }: PartProps) {
  const { t } = useTranslation();
  return (
    <Field label={t('fields.componentType')} problem={problemAt(`${path}.type`)}>
      {({ id }) => (
        <select
          id={id}
          value={component.type}
          onChange={(e) => update({ type: e.target.value as ComponentType })}
        >
          {COMPONENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`componentTypes.${type}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function ShaftSelect({ component, shafts, path, update, problemAt }: PartProps) {
  const { t } = useTranslation();
  return (
    <Field label={t('fields.componentShaft')} problem={problemAt(`${path}.shaft`)}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={component.shaftKey}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => update({ shaftKey: e.target.value })}
        >
          <option value="">{t('editor.chooseShaft')}</option>
          {shafts.map((shaft) => (
            <option key={shaft.key} value={shaft.key}>
              {shaft.id}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function ModeSelect({ component, update }: PartProps) {
  const { t } = useTranslation();
  if (!hasKinematicsMode(component.type)) return null;
  return (
    <Field label={t('fields.mode')} problem={null}>
      {({ id }) => (
        <select
          id={id}
          value={component.mode}
          onChange={(e) => update({ mode: e.target.value as KinematicsMode })}
        >
          <option value="orders">{t(`fields.modeOrders.${component.type}`)}</option>
          <option value="geometry">{t('fields.modeGeometry')}</option>
        </select>
      )}
    </Field>
  );
}

function NumericFields({ component, actions, path, problemAt }: PartProps) {
  const { t } = useTranslation();
  return (
    <div className="row numbers">
      {componentFields(component.type, component.mode).map((field) => (
        <TextField
          key={field.name}
          label={t(`fields.${field.name}`)}
          value={component.values[field.name] ?? ''}
          numeric
          onChange={(value) => actions.setComponentValue(component.key, field.name, value)}
          problem={problemAt(`${path}.${field.name}`)}
        />
      ))}
    </div>
  );
}

/** One component: its type, id, shaft, optional name and model, and its numeric parameters. */
export function ComponentFieldset(props: ComponentFieldsetProps) {
  const { component, index, actions, problemAt } = props;
  const { t } = useTranslation();
  const path = `components[${index}]`;
  const number = index + 1;
  const update: Update = (change) => actions.updateComponent(component.key, change);
  const part: PartProps = { ...props, path, update };
  const whole = problemAt(path);
  return (
    <fieldset className="item">
      <legend>
        {t('editor.componentLegend', { number, type: t(`componentTypes.${component.type}`) })}
      </legend>
      {whole !== null && (
        <p className="field-problem" role="alert">
          {whole}
        </p>
      )}
      <div className="row">
        <TypeSelect {...part} />
        <TextField
          label={t('fields.componentId')}
          value={component.id}
          onChange={(id) => update({ id })}
          problem={problemAt(`${path}.id`)}
        />
        <ShaftSelect {...part} />
        <button
          type="button"
          className="remove"
          aria-label={t('editor.removeComponent', { number })}
          onClick={() => actions.removeComponent(component.key)}
        >
          {t('editor.remove')}
        </button>
      </div>
      <div className="row">
        <TextField
          label={t('fields.componentName')}
          value={component.name}
          onChange={(name) => update({ name })}
          problem={problemAt(`${path}.name`)}
        />
        <TextField
          label={t('fields.componentModel')}
          value={component.model}
          onChange={(model) => update({ model })}
          problem={problemAt(`${path}.model`)}
        />
        <ModeSelect {...part} />
      </div>
      <NumericFields {...part} />
    </fieldset>
  );
}
