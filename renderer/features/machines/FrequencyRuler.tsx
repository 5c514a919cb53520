import { useTranslation } from 'react-i18next';
import { logPosition, logTicks, positiveRange } from '../../chart/scales.ts';
import { formatNumber } from '../../format/numbers.ts';
import type { PreviewRow } from './previewRows.ts';

// In CSS pixels at the preview's usual width (~450 px), so labels keep a readable size.
const WIDTH = 460;
const HEIGHT = 44;
const AXIS_Y = 26;

/** The preview's lines as marks on a log-frequency ruler (the table below has the numbers). */
export function FrequencyRuler({ rows }: { rows: readonly PreviewRow[] }) {
  const { t, i18n } = useTranslation();
  const range = positiveRange(rows.map((row) => row.frequencyHz));
  if (range === null) return null;
  // A little margin so the outermost lines do not sit on the frame.
  const min = range.min / 1.25;
  const max = range.max * 1.25;
  const x = (hz: number) => 12 + logPosition(hz, min, max) * (WIDTH - 24);
  return (
    <svg
      className="ruler"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('preview.ruler', {
        min: formatNumber(range.min, i18n.language, 1),
        max: formatNumber(range.max, i18n.language, 1),
      })}
    >
      <line x1={12} x2={WIDTH - 12} y1={AXIS_Y} y2={AXIS_Y} className="ruler-axis" />
      {logTicks(min, max).map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={AXIS_Y} y2={AXIS_Y + 4} className="ruler-axis" />
          <text x={x(tick)} y={HEIGHT - 2} textAnchor="middle" className="ruler-label">
            {formatNumber(tick, i18n.language, 1)}
          </text>
        </g>
      ))}
      {rows.map((row) => (
        <line
          key={row.id}
          x1={x(row.frequencyHz)}
          x2={x(row.frequencyHz)}
          y1={4}
          y2={AXIS_Y}
          className={`ruler-mark ruler-${row.kind.split('-')[0]}`}
        />
      ))}
    </svg>
  );
}
