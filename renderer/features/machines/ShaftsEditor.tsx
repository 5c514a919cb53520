import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/Field.tsx';
import type { MachineEditorActions } from './useMachineEditor.ts';
import type { ShaftDraft, SpeedKind } from './profileDraft.ts';

export interface ShaftsEditorProps {
  readonly shafts: readonly ShaftDraft[];
  readonly actions: MachineEditorActions;
  readonly problemAt: (...paths: string[]) => string | null;
}

interface ShaftFieldsetProps {
  readonly shaft: ShaftDraft;
  readonly index: number;
  readonly actions: MachineEditorActions;
  readonly problemAt: (...paths: string[]) => string | null;
}

function ShaftFieldset({ shaft, index, actions, problemAt }: ShaftFieldsetProps) {
  const { t } = useTranslation();
  const path = `shafts[${index}]`;
  const speedField = shaft.speedKind === 'rpm' ? 'rpm' : 'feedMmPerMin';
  const number = index + 1;
  return (
    <fieldset className="item">
      <legend>{t('editor.shaftLegend', { number })}</legend>
      <div className="row">
        <TextField
          label={t('fields.shaftId')}
          value={shaft.id}
          onChange={(id) => actions.updateShaft(shaft.key, { id })}
          problem={problemAt(`${path}.id`)}
        />
        <Field label={t('fields.speedKind')} problem={null}>
          {({ id }) => (
            <select
              id={id}
              value={shaft.speedKind}
              onChange={(e) =>
                actions.updateShaft(shaft.key, { speedKind: e.target.value as SpeedKind })
              }
            >
              <option value="rpm">{t('fields.speedKindRpm')}</option>
              <option value="feed">{t('fields.speedKindFeed')}</option>
            </select>
          )}
        </Field>
        <TextField
          label={t(`fields.${speedField}`)}
          value={shaft.speed}
          numeric
          onChange={(speed) => actions.updateShaft(shaft.key, { speed })}
          problem={problemAt(`${path}.${speedField}`, path)}
        />
        <button
          type="button"
          className="remove"
          aria-label={t('editor.removeShaft', { number })}
          onClick={() => actions.removeShaft(shaft.key)}
        >
          {t('editor.remove')}
        </button>
      </div>
    </fieldset>
  );
}

/** The machine's shafts: an id and a speed each, in rpm or (a screw shaft) as a feed. */
export function ShaftsEditor({ shafts, actions, problemAt }: ShaftsEditorProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="shafts-title">
      <h3 id="shafts-title">{t('editor.shafts')}</h3>
      {shafts.length === 0 && <p className="muted">{t('editor.noShafts')}</p>}
      {shafts.map((shaft, index) => (
        <ShaftFieldset
          key={shaft.key}
          shaft={shaft}
          index={index}
          actions={actions}
          problemAt={problemAt}
        />
      ))}
      <button type="button" onClick={actions.addShaft}>
        {t('editor.addShaft')}
      </button>
    </section>
  );
}
