import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FaultLogEntry, Language } from '../../../shared/api/contract.ts';
import { causeName, severityName } from '../../../shared/i18n/diagnosisText.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { verdictBadge } from '../verdicts/index.ts';

/** Matches `.fault-log-table tr` in the styles: the virtual table relies on it. */
export const ROW_HEIGHT_PX = 34;

/** The table's columns, in order; the column names' i18n keys are `faultLog.columns.<id>`. */
const COLUMNS = [
  'machine',
  'time',
  'cause',
  'severity',
  'score',
  'status',
  'recordedBy',
  'note',
] as const;

export interface FaultLogTableProps {
  /** The entries loaded so far, newest first (the order the host pages them in). */
  readonly entries: readonly FaultLogEntry[];
  readonly hrefFor: (entryId: string) => string;
  /** The newest expert's verdict of each entry's diagnosis, by diagnosis id. */
  readonly verdicts: ReadonlyMap<string, ExpertVerdict>;
  /** Changes when the filters do: the table goes back to the top. */
  readonly resetKey: unknown;
  /** Asks for the next page when the rows drawn reach the last loaded one. */
  readonly onNearEnd: () => void;
}

interface EntryRowProps {
  readonly entry: FaultLogEntry;
  readonly rowIndex: number;
  readonly href: string;
  readonly verdict: ExpertVerdict | undefined;
  readonly dateTime: Intl.DateTimeFormat;
  readonly score: Intl.NumberFormat;
  /** The table's `t` and language: a useTranslation per line costs more than the line. */
  readonly t: TFunction;
  readonly lang: Language;
}

/** One entry's line; memoised, so a scroll renders only the lines that come into sight. */
const EntryRow = memo(function EntryRow(props: EntryRowProps) {
  const { entry, rowIndex, href, verdict, dateTime, score, t, lang } = props;
  return (
    <tr
      aria-rowindex={rowIndex + 2}
      data-entry-id={entry.id}
      className={entry.archived ? 'archived' : undefined}
      onClick={() => {
        window.location.hash = href;
      }}
    >
      <td>{entry.machineName}</td>
      <td>
        <a href={href}>{dateTime.format(Date.parse(entry.createdAt))}</a>
      </td>
      <td title={verdict ? verdictBadge(verdict, t, lang) : undefined}>
        {verdict && (
          <span className={`verdict-badge verdict-${verdict.decision}`}>
            {verdictBadge(verdict, t, lang)} ·{' '}
          </span>
        )}
        {entry.causeId === null ? t('faultLog.noCause') : causeName(entry.causeId, lang)}
        {entry.componentId !== null && ` · ${entry.componentId}`}
      </td>
      <td>
        {entry.severity !== null && (
          <span className={`severity severity-${entry.severity}`}>
            {severityName(entry.severity, lang)}
          </span>
        )}
      </td>
      <td className="number">{score.format(entry.anomalyScore)}</td>
      <td>
        <span className={`status status-${entry.status}`}>
          {t(`faultLog.statuses.${entry.status}`)}
        </span>
        {entry.archived && <span className="muted"> · {t('faultLog.archivedMark')}</span>}
      </td>
      <td>{entry.recordedBy}</td>
      <td title={entry.note}>{entry.note}</td>
    </tr>
  );
});

/**
 * The entries as a work-order list, newest first: one line each, a click on a line (or its time,
 * a link) opens the entry. Virtualised: only lines in sight exist. No sorting by a header: with
 * the log loaded a page at a time, a sort would order only the pages loaded and mislead.
 */
export function FaultLogTable(props: FaultLogTableProps) {
  const { entries, hrefFor, verdicts, resetKey, onNearEnd } = props;
  const { t } = useTranslation();
  const lang = useLanguage();
  // One formatter of each kind for every line: building one per cell costs more than the line.
  const dateTime = useMemo(
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }),
    [lang],
  );
  // Anomaly scores to 0.1, as Review shows them.
  const score = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }), [lang]);
  const renderRow = (index: number) => {
    const entry = entries[index];
    return (
      <EntryRow
        key={entry.id}
        entry={entry}
        rowIndex={index}
        href={hrefFor(entry.id)}
        verdict={verdicts.get(entry.diagnosisId)}
        dateTime={dateTime}
        score={score}
        t={t}
        lang={lang}
      />
    );
  };
  return (
    <VirtualTable
      className="fault-log-table"
      label={t('faultLog.tableLabel')}
      rowCount={entries.length}
      rowHeightPx={ROW_HEIGHT_PX}
      columnCount={COLUMNS.length}
      resetKey={resetKey}
      onNearEnd={onNearEnd}
      header={
        <tr aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <th
              key={column}
              className={`column-${column}`}
              aria-sort={column === 'time' ? 'descending' : undefined}
            >
              {t(`faultLog.columns.${column}`)}
            </th>
          ))}
        </tr>
      }
      renderRow={renderRow}
    />
  );
}
