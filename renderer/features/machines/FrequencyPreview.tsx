import { useTranslation } from 'react-i18next';
import type { ShaftSpeed } from '../../../shared/diagnosis/characteristicFrequencies.ts';
import { formatFrequencyHz, formatNumber } from '../../format/numbers.ts';
import { FrequencyRuler } from './FrequencyRuler.tsx';
import type { Preview, PreviewRow } from './previewRows.ts';

export interface FrequencyPreviewProps {
  readonly preview: Preview | null;
  readonly showAll: boolean;
  readonly onShowAll: (showAll: boolean) => void;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : `${value}`.replace('-', '−');
}

function ShaftSpeeds({ speeds }: { speeds: readonly ShaftSpeed[] }) {
  const { t, i18n } = useTranslation();
  if (speeds.length === 0) return null;
  return (
    <ul className="speeds">
      {speeds.map((speed) => (
        <li key={speed.shaftId}>
          {t('preview.speed', {
            shaft: speed.shaftId,
            rpm: formatNumber(speed.hz * 60, i18n.language, 1),
            hz: formatFrequencyHz(speed.hz, i18n.language),
          })}
        </li>
      ))}
    </ul>
  );
}

function PreviewTable({ rows }: { rows: readonly PreviewRow[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = (row: PreviewRow) =>
    t(`kinds.${row.kind}`, {
      order: row.order === null ? '' : formatNumber(row.order, lang, 2),
      sideband: row.sideband === null ? '' : signed(row.sideband),
    });
  return (
    <table className="preview-table">
      <thead>
        <tr>
          <th scope="col">{t('preview.frequency')}</th>
          <th scope="col">{t('preview.line')}</th>
          <th scope="col">{t('preview.part')}</th>
          <th scope="col">{t('preview.order')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className="number">{formatFrequencyHz(row.frequencyHz, lang)}</td>
            <td>{label(row)}</td>
            <td>{row.partId ?? '—'}</td>
            <td className="number">
              {row.order === null ? '—' : formatNumber(row.order, lang, 4)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The characteristic frequencies the profile being edited implies, updated on every keystroke. */
export function FrequencyPreview({ preview, showAll, onShowAll }: FrequencyPreviewProps) {
  const { t } = useTranslation();
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('preview.title')}</h3>
      {preview === null ? (
        <p className="muted">{t('preview.invalid')}</p>
      ) : (
        <>
          <ShaftSpeeds speeds={preview.speeds} />
          <FrequencyRuler rows={preview.rows} />
          <PreviewTable rows={preview.rows} />
          {(preview.hiddenCount > 0 || showAll) && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={showAll}
                onChange={(e) => onShowAll(e.target.checked)}
              />
              {t('preview.showAll')}
            </label>
          )}
        </>
      )}
    </section>
  );
}
