import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../app/route.ts';
import { ExpertCallView } from './ExpertCallView.tsx';
import { useExpertCall } from './useExpertCall.ts';

/**
 * "Live requests" on the hub: the technicians of the expert's plants who ask for an expert now,
 * each with the machine and who asks; Join opens the live view of that call.
 */
export function LiveScreen() {
  const { t } = useTranslation();
  const expert = useExpertCall();
  const inCall = (expert.phase === 'in-call' || expert.phase === 'joining') && expert.call;
  return (
    <section className="live-screen" aria-label={t('live.title')}>
      <h2>{t('live.title')}</h2>
      {expert.phase === 'ended' && expert.endReason && (
        <p className="notice" role="status" data-live-ended={expert.endReason}>
          {t(`live.expertEnded.${expert.endReason}`)}
        </p>
      )}
      {expert.phase === 'ended' && expert.recordResult?.phase === 'done' && (
        <p>
          <a href={formatRoute({ screen: 'review', recordingId: expert.recordResult.recordingId })}>
            {t('live.openRecording')}
          </a>
        </p>
      )}
      {expert.phase === 'offline' && <p className="notice">{t('live.offline')}</p>}
      {inCall && expert.call ? (
        <ExpertCallView call={expert.call} expert={expert} />
      ) : (
        <RequestList expert={expert} />
      )}
    </section>
  );
}

function RequestList({ expert }: { expert: ReturnType<typeof useExpertCall> }) {
  const { t, i18n } = useTranslation();
  if (expert.requests.length === 0) {
    return (
      <p className="muted">
        {t(expert.phase === 'connecting' ? 'live.connecting' : 'live.noRequests')}
      </p>
    );
  }
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <table className="live-requests">
      <thead>
        <tr>
          <th scope="col">{t('live.machine')}</th>
          <th scope="col">{t('live.askedBy')}</th>
          <th scope="col">{t('live.since')}</th>
          <th scope="col">{t('live.listeners')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {expert.requests.map((request) => (
          <tr key={request.callId}>
            <td>{request.machineName}</td>
            <td>{request.technician.name}</td>
            <td>{time.format(new Date(request.openedAt))}</td>
            <td>{request.listeners.map((p) => p.name).join(', ')}</td>
            <td>
              <button
                type="button"
                onClick={() => expert.join(request.callId)}
                aria-label={t('live.joinMachine', { machine: request.machineName })}
              >
                {t('live.join')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
