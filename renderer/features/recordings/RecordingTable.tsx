import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../app/route.ts';
import { recordingNotices } from '../../../shared/api/recordingNotices.ts';
import { formatDateTime, formatNumber, formatSeconds } from '../../format/numbers.ts';
import { codecText, originalTitle } from './codecText.ts';
import { RecordingNotices } from './RecordingNotices.tsx';
import type { RecordingRow } from './useRecordings.ts';
import { VerdictLink } from './VerdictLink.tsx';

export interface RecordingTableProps {
  readonly recordings: readonly RecordingRow[];
  /** Recordings chosen for the next baseline. */
  readonly selectedIds: ReadonlySet<string>;
  readonly onToggle: (recordingId: string, selected: boolean) => void;
}

/**
 * A machine's recordings, each with its verdict as a link to Review, and a checkbox each to
 * choose the healthy ones for a baseline.
 */
export function RecordingTable({ recordings, selectedIds, onToggle }: RecordingTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <table className="recordings">
      <thead>
        <tr>
          <th scope="col">{t('recordings.useColumn')}</th>
          <th scope="col">{t('recordings.name')}</th>
          <th scope="col">{t('verdict.column')}</th>
          <th scope="col">{t('recordings.duration')}</th>
          <th scope="col">{t('recordings.sampleRate')}</th>
          <th scope="col">{t('recordings.channels')}</th>
          <th scope="col">{t('recordings.codec')}</th>
          <th scope="col">{t('recordings.origin')}</th>
          <th scope="col">{t('recordings.added')}</th>
        </tr>
      </thead>
      <tbody>
        {recordings.map((recording) => (
          <tr key={recording.id}>
            <td>
              <input
                type="checkbox"
                aria-label={t('recordings.useFor', { name: recording.name })}
                checked={selectedIds.has(recording.id)}
                onChange={(event) => onToggle(recording.id, event.target.checked)}
              />
            </td>
            <td className="name-cell">
              {recording.name}
              <RecordingNotices notices={recordingNotices(recording)} />
            </td>
            <td>
              <VerdictLink
                verdict={recording.verdict}
                href={formatRoute({ screen: 'review', recordingId: recording.id })}
                recordingName={recording.name}
              />
            </td>
            <td className="number">{formatSeconds(recording.durationSeconds, lang)}</td>
            <td className="number">{formatNumber(recording.sampleRateHz, lang, 0)}</td>
            <td className="number">{recording.channelCount}</td>
            <td className="codec-cell" title={originalTitle(recording, t, lang)}>
              {codecText(recording, t, lang)}
            </td>
            <td>{t(`origins.${recording.origin}`)}</td>
            <td>{formatDateTime(recording.createdAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
