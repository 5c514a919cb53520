import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/Field.tsx';
import type { MachineEditorActions } from './useMachineEditor.ts';
import type { ShaftDraft, SpeedKind } from './profileDraft.ts';

export interface ShaftsEditorProps {
  readonly shafts: readonly ShaftDraft[];
  readonly actions: MachineEditorActions;
  readonly problemAt: (...paths: string[]) => string | null;
}

/** The machine's shafts: an id and a speed each, in rpm or (a screw shaft) as a feed. */
export function ShaftsEditor({ shafts, actions, problemAt }: ShaftsEditorProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="shafts-title">
      <h3 id="shafts-title">{t('editor.shafts')}</h3>
      {shafts.length === 0 && <p className="muted">{t('editor.noShafts')}</p>}
      {shafts.map((shaft, index) => {
        const path = `shafts[${index}]`;
        const speedField = shaft.speedKind === 'rpm' ? 'rpm' : 'feedMmPerMin';
        const number = index + 1;
        return (
          <fieldset key={shaft.key} className="item">
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
                    onChange={(event) =>
                      actions.updateShaft(shaft.key, { speedKind: event.target.value as SpeedKind })
                    }
                  >
                    <option value="rpm">{t('fields.speedKindRpm')}</option>
                    <option value="feed">{t('fields.speedKindFeed')}</option>
                  </select>
                )}
              </Field>
              <TextField
                label={shaft.speedKind === 'rpm' ? t('fields.rpm') : t('fields.feedMmPerMin')}
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
      })}
      <button type="button" onClick={actions.addShaft}>
        {t('editor.addShaft')}
      </button>
    </section>
  );
}
