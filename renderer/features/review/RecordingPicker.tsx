import { useTranslation } from 'react-i18next';
import { recordingNotices } from '../../../shared/api/recordingNotices.ts';
import { Pending } from '../../components/Pending.tsx';
import { RecordingNotices } from '../recordings/index.ts';
import { formatDateTime, formatSeconds } from '../../format/numbers.ts';
import type { MachineRecordings } from './useRecordingCatalogue.ts';

export interface RecordingPickerProps {
  readonly catalogue: readonly MachineRecordings[] | null;
  readonly error: string | null;
  /** The link to a recording's review (a location hash). */
  readonly hrefFor: (recordingId: string) => string;
}

function MachineRecordingTable({
  entry,
  hrefFor,
}: {
  entry: MachineRecordings;
  hrefFor: RecordingPickerProps['hrefFor'];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = `review-machine-${entry.machine.id}`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{entry.machine.name}</h3>
      {entry.recordings.length === 0 ? (
        <p className="muted">{t('review.noRecordings')}</p>
      ) : (
        <table className="recordings">
          <thead>
            <tr>
              <th scope="col">{t('recordings.name')}</th>
              <th scope="col">{t('recordings.duration')}</th>
              <th scope="col">{t('recordings.origin')}</th>
              <th scope="col">{t('recordings.added')}</th>
            </tr>
          </thead>
          <tbody>
            {entry.recordings.map((recording) => (
              <tr key={recording.id}>
                <td className="name-cell">
                  <a href={hrefFor(recording.id)}>{recording.name}</a>
                  <RecordingNotices notices={recordingNotices(recording)} />
                </td>
                <td className="number">{formatSeconds(recording.durationSeconds, lang)}</td>
                <td>{t(`origins.${recording.origin}`)}</td>
                <td>{formatDateTime(recording.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The recordings of every machine, each a link to its review. */
export function RecordingPicker({ catalogue, error, hrefFor }: RecordingPickerProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="review-title">
      <div className="section-header">
        <h2 id="review-title">{t('review.title')}</h2>
      </div>
      <p className="muted">{t('review.choose')}</p>
      {catalogue === null ? (
        <Pending error={error} />
      ) : catalogue.length === 0 ? (
        <p className="notice">{t('review.noMachines')}</p>
      ) : (
        catalogue.map((entry) => (
          <MachineRecordingTable key={entry.machine.id} entry={entry} hrefFor={hrefFor} />
        ))
      )}
    </section>
  );
}
