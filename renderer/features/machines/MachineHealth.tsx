import { useTranslation } from 'react-i18next';
import type { MachineSummary } from '../../../shared/api/contract.ts';
import { machineHealth } from '../../../shared/diagnosis/health.ts';
import { causeName } from '../../../shared/i18n/diagnosisText.ts';
import { formatRoute } from '../../app/route.ts';
import { HealthBadge } from '../../components/HealthBadge.tsx';
import { formatDateTime } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * A machine's state at a glance: its health from the newest diagnosis (with the cause named
 * when there is one to act on), when it was last recorded, and its open fault-log entries.
 */
export function MachineHealth({
  machine,
  linkToReview = false,
}: {
  machine: MachineSummary;
  /** Name the cause as a link to the Review of the recording it was found in (not inside a button). */
  linkToReview?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const verdict = machine.latestVerdict;
  const health = machineHealth(machine.hasBaseline, verdict);
  const named = (health === 'watch' || health === 'act-now') && verdict?.causeId;
  return (
    <span className="machine-health">
      <HealthBadge health={health} />
      {named &&
        (linkToReview ? (
          <a
            className="machine-cause"
            href={formatRoute({ screen: 'review', recordingId: verdict.recordingId })}
            data-verdict-cause={verdict.causeId}
          >
            {causeName(verdict.causeId!, lang)}
          </a>
        ) : (
          <span className="machine-cause">{causeName(verdict.causeId!, lang)}</span>
        ))}
      <span className="muted">
        {machine.lastRecordingAt === null
          ? t('verdict.noRecording')
          : t('verdict.lastRecording', { when: formatDateTime(machine.lastRecordingAt, lang) })}
      </span>
      <span className="muted">{t('verdict.openFaults', { count: machine.openFaultCount })}</span>
    </span>
  );
}
