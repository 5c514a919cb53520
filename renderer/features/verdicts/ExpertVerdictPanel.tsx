import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredDiagnosis } from '../../../shared/api/contract.ts';
import { causeName } from '../../../shared/i18n/diagnosisText.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Pending } from '../../components/Pending.tsx';
import { formatDateTime } from '../../format/numbers.ts';
import { useLoad } from '../../hooks/useLoad.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useDiagnosisVerdicts } from './useVerdicts.ts';
import { VerdictForm } from './VerdictForm.tsx';
import { VerdictSummaryLine } from './VerdictSummaryLine.tsx';

/** Which diagnosis the verdict is on, and what it said. */
function DiagnosisLine({ diagnosis }: { diagnosis: StoredDiagnosis }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const top = diagnosis.report.causes[0];
  const when = formatDateTime(diagnosis.createdAt, lang);
  return (
    <p className="muted">
      {top
        ? t('expertVerdict.onDiagnosis', { when, cause: causeName(top.id, lang) })
        : t('expertVerdict.onDiagnosisNoCause', { when })}
    </p>
  );
}

/**
 * The expert's verdict on a stored diagnosis: the newest one (the one that counts), the earlier
 * ones behind a disclosure, and the form that records another.
 */
export function ExpertVerdictPanel({ diagnosis }: { diagnosis: StoredDiagnosis }) {
  const { t } = useTranslation();
  const titleId = useId();
  const verdicts = useDiagnosisVerdicts(diagnosis.id);
  const [latest, ...earlier] = verdicts.data ?? [];
  return (
    <section className="panel expert-verdict-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('expertVerdict.title')}</h3>
      <DiagnosisLine diagnosis={diagnosis} />
      {verdicts.data === null ? (
        <Pending error={verdicts.error} />
      ) : (
        latest && <VerdictSummaryLine verdict={latest} />
      )}
      {earlier.length > 0 && (
        <details>
          <summary>{t('expertVerdict.history', { count: earlier.length })}</summary>
          {earlier.map((verdict) => (
            <VerdictSummaryLine key={verdict.id} verdict={verdict} />
          ))}
        </details>
      )}
      <VerdictForm key={diagnosis.id} diagnosis={diagnosis} onRecorded={verdicts.reload} />
    </section>
  );
}

/**
 * Review's verdict area: the expert's verdict on the recording's newest stored diagnosis (the
 * one its verdict badge shows), or why there is none to give one on yet. `refreshKey` changes
 * when the page stored a new diagnosis (saved to the fault log).
 */
export function RecordingVerdictPanel({
  recordingId,
  refreshKey,
}: {
  recordingId: string;
  refreshKey?: unknown;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(
    () => api.diagnoses.list(recordingId).then((list) => list[0] ?? null),
    // refreshKey is a reason to load again, not a value the load uses.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, recordingId, refreshKey],
  );
  const diagnosis = useLoad(load);
  if (diagnosis.loading || diagnosis.error !== null) return <Pending error={diagnosis.error} />;
  if (diagnosis.data === null) {
    return (
      <section className="panel expert-verdict-panel">
        <h3>{t('expertVerdict.title')}</h3>
        <p className="muted">{t('expertVerdict.noDiagnosis')}</p>
      </section>
    );
  }
  return <ExpertVerdictPanel diagnosis={diagnosis.data} />;
}
