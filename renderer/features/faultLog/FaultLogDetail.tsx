import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { Pending } from '../../components/Pending.tsx';
import { formatDateTime, formatNumber } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { CauseCard, DiagnosisReportButton, reportFileName } from '../review/index.ts';
import { ExpertVerdictPanel } from '../verdicts/index.ts';
import { EntryActions } from './EntryActions.tsx';
import { EntryHistory } from './EntryHistory.tsx';
import { useEntryDetail } from './useEntryDetail.ts';

export interface FaultLogDetailProps {
  readonly entry: FaultLogEntry;
  readonly listHref: string;
  readonly reviewHrefFor: (recordingId: string) => string;
  /** The entry changed on the host: its new state, as the host answered. */
  readonly onChanged: (entry: FaultLogEntry) => void;
}

function EntryFacts({ entry }: { entry: FaultLogEntry }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <dl className="fault-log-facts">
      <div>
        <dt>{t('faultLog.columns.status')}</dt>
        <dd>
          <span className={`status status-${entry.status}`}>
            {t(`faultLog.statuses.${entry.status}`)}
          </span>
          {entry.archived && ` · ${t('faultLog.archivedMark')}`}
        </dd>
      </div>
      <div>
        <dt>{t('faultLog.columns.time')}</dt>
        <dd>{formatDateTime(entry.createdAt, lang)}</dd>
      </div>
      <div>
        <dt>{t('faultLog.columns.recordedBy')}</dt>
        <dd>{entry.recordedBy === '' ? t('faultLog.unknownPerson') : entry.recordedBy}</dd>
      </div>
      <div>
        <dt>{t('faultLog.columns.score')}</dt>
        <dd>{formatNumber(entry.anomalyScore, lang, 1)}</dd>
      </div>
      <div>
        <dt>{t('faultLog.columns.note')}</dt>
        <dd className="name-cell">{entry.note === '' ? '—' : entry.note}</dd>
      </div>
    </dl>
  );
}

/**
 * One entry: its facts, the causes its diagnosis named (Review's cause cards), a link to the
 * recording's review, what can be done with it, and its history.
 */
export function FaultLogDetail({ entry, listHref, reviewHrefFor, onChanged }: FaultLogDetailProps) {
  const { t } = useTranslation();
  const { history, diagnosis, followUps } = useEntryDetail(entry);
  const recordingNames = useMemo(
    () => new Map((followUps.data ?? []).map((r) => [r.id, r.name])),
    [followUps.data],
  );
  const causes = diagnosis.data?.report.causes ?? [];
  return (
    <section className="fault-log-detail" aria-labelledby="fault-log-entry-title">
      <p>
        <a href={listHref}>{t('faultLog.back')}</a>
      </p>
      <h2 id="fault-log-entry-title">
        {t('faultLog.entryTitle', { machine: entry.machineName, recording: entry.recordingName })}
      </h2>
      <EntryFacts entry={entry} />
      <div className="row">
        <a href={reviewHrefFor(entry.recordingId)}>
          {t('faultLog.openReview', { recording: entry.recordingName })}
        </a>
        <DiagnosisReportButton
          diagnosisId={() => Promise.resolve(entry.diagnosisId)}
          fileName={reportFileName(entry.recordingName, null)}
        />
      </div>
      <div className="fault-log-detail-columns">
        <section className="panel" aria-labelledby="fault-log-causes">
          <h3 id="fault-log-causes">{t('faultLog.causes')}</h3>
          {diagnosis.loading || diagnosis.error !== null ? (
            <Pending error={diagnosis.error} />
          ) : (
            causes.length === 0 && (
              <p className="muted">
                {diagnosis.data === null ? t('faultLog.noDiagnosis') : t('faultLog.noCause')}
              </p>
            )
          )}
          {causes.map((cause, i) => (
            <CauseCard key={`${cause.id}-${cause.componentId ?? ''}`} cause={cause} rank={i + 1} />
          ))}
        </section>
        <EntryActions
          entry={entry}
          followUps={followUps.data ?? []}
          onChanged={(updated) => {
            onChanged(updated);
            history.reload();
            followUps.reload();
          }}
        />
      </div>
      {diagnosis.data && <ExpertVerdictPanel diagnosis={diagnosis.data} />}
      <h3>{t('faultLog.history.title')}</h3>
      {history.data === null ? (
        <Pending error={history.error} />
      ) : (
        <EntryHistory
          events={history.data}
          recordingNames={recordingNames}
          reviewHrefFor={reviewHrefFor}
        />
      )}
    </section>
  );
}
