import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/contract.ts';
import { causeName, severityName } from '../../../shared/i18n/diagnosisText.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { verdictBadge } from '../verdicts/index.ts';
import { SORT_COLUMNS } from './filterEntries.ts';
import type { FaultLogSort, IndexedEntry, SortColumn } from './filterEntries.ts';

/** Matches `.fault-log-table tr` in the styles: the virtual table relies on it. */
export const ROW_HEIGHT_PX = 34;

const HEADER_KEYS: Readonly<Record<SortColumn, string>> = {
  machine: 'faultLog.columns.machine',
  time: 'faultLog.columns.time',
  cause: 'faultLog.columns.cause',
  severity: 'faultLog.columns.severity',
  score: 'faultLog.columns.score',
  status: 'faultLog.columns.status',
  recordedBy: 'faultLog.columns.recordedBy',
  note: 'faultLog.columns.note',
};

export interface FaultLogTableProps {
  readonly rows: readonly IndexedEntry[];
  readonly sort: FaultLogSort;
  readonly onSort: (column: SortColumn) => void;
  readonly hrefFor: (entryId: string) => string;
  /** The newest expert's verdict of each entry's diagnosis, by diagnosis id. */
  readonly verdicts: ReadonlyMap<string, ExpertVerdict>;
  /** Changes when the rows are filtered or sorted anew: the table goes back to the top. */
  readonly resetKey: unknown;
}

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: SortColumn;
  sort: FaultLogSort;
  onSort: (column: SortColumn) => void;
}) {
  const { t } = useTranslation();
  const active = sort.column === column;
  const direction = sort.descending ? 'descending' : 'ascending';
  return (
    <th aria-sort={active ? direction : 'none'} className={`column-${column}`}>
      <button
        type="button"
        className="sort-button"
        title={t(HEADER_KEYS[column])}
        onClick={() => onSort(column)}
      >
        {t(HEADER_KEYS[column])}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

interface EntryRowProps {
  readonly row: IndexedEntry;
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
  const { row, rowIndex, href, verdict, dateTime, score, t, lang } = props;
  const { entry, timeMs } = row;
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
        <a href={href}>{dateTime.format(timeMs)}</a>
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
 * The entries as a work-order list: one line each, sorted by a click on a column's header, a
 * click on a line (or its time, a link) opens the entry. Virtualised: only lines in sight exist.
 */
export function FaultLogTable(props: FaultLogTableProps) {
  const { rows, sort, onSort, hrefFor, verdicts, resetKey } = props;
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
    const row = rows[index];
    return (
      <EntryRow
        key={row.entry.id}
        row={row}
        rowIndex={index}
        href={hrefFor(row.entry.id)}
        verdict={verdicts.get(row.entry.diagnosisId)}
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
      rowCount={rows.length}
      rowHeightPx={ROW_HEIGHT_PX}
      columnCount={SORT_COLUMNS.length}
      resetKey={resetKey}
      header={
        <tr aria-rowindex={1}>
          {SORT_COLUMNS.map((column) => (
            <SortHeader key={column} column={column} sort={sort} onSort={onSort} />
          ))}
        </tr>
      }
      renderRow={renderRow}
    />
  );
}
