import { useTranslation } from 'react-i18next';
import type { FaultLogEvent } from '../../../shared/api/contract.ts';
import { formatDateTime } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

export interface EntryHistoryProps {
  readonly events: readonly FaultLogEvent[];
  /** The follow-up recordings' names, for the links (an id is shown when unknown). */
  readonly recordingNames: ReadonlyMap<string, string>;
  readonly reviewHrefFor: (recordingId: string) => string;
}

function ChangeText({ event }: { event: FaultLogEvent }) {
  const { t } = useTranslation();
  const to = t(`faultLog.statuses.${event.toStatus}`);
  switch (event.kind) {
    case 'created':
      return <>{t('faultLog.history.created', { to })}</>;
    case 'archived':
      return <>{t('faultLog.history.archived')}</>;
    case 'unarchived':
      return <>{t('faultLog.history.unarchived')}</>;
    case 'status':
      return (
        <>
          {t('faultLog.history.moved', {
            from: event.fromStatus === null ? '—' : t(`faultLog.statuses.${event.fromStatus}`),
            to,
          })}
        </>
      );
  }
}

/** The entry's changes, oldest first: when, who, what changed, why, and the follow-up. */
export function EntryHistory({ events, recordingNames, reviewHrefFor }: EntryHistoryProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="fault-log-history" aria-label={t('faultLog.history.title')}>
      <thead>
        <tr>
          <th>{t('faultLog.history.when')}</th>
          <th>{t('faultLog.history.who')}</th>
          <th>{t('faultLog.history.change')}</th>
          <th>{t('faultLog.history.reason')}</th>
          <th>{t('faultLog.history.followUp')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-event-kind={event.kind}>
            <td>{formatDateTime(event.at, lang)}</td>
            <td>{event.by === '' ? t('faultLog.unknownPerson') : event.by}</td>
            <td>
              <ChangeText event={event} />
            </td>
            <td className="name-cell">{event.reason}</td>
            <td>
              {event.followUpRecordingId !== null && (
                <a href={reviewHrefFor(event.followUpRecordingId)}>
                  {recordingNames.get(event.followUpRecordingId) ?? event.followUpRecordingId}
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
