import { useTranslation } from 'react-i18next';
import { Pending } from '../../components/Pending.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { PersonNameField } from '../settings/index.ts';
import { useLatestVerdicts } from '../verdicts/index.ts';
import { FaultLogDetail } from './FaultLogDetail.tsx';
import { FaultLogFilterBar } from './FaultLogFilterBar.tsx';
import { FaultLogTable } from './FaultLogTable.tsx';
import { useFaultLogList } from './useFaultLogList.ts';
import type { FaultLogList } from './useFaultLogList.ts';
import { ExportCsvButton } from './ExportCsvButton.tsx';
import { ExportPdfButton } from './ExportPdfButton.tsx';

export interface FaultLogScreenProps {
  /** The entry to show, or null for the list. */
  readonly entryId: string | null;
  readonly hrefFor: (entryId: string) => string;
  readonly listHref: string;
  readonly reviewHrefFor: (recordingId: string) => string;
}

function EntryList({ list, hrefFor }: { list: FaultLogList; hrefFor: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const total = list.loaded.data?.length ?? 0;
  const verdicts = useLatestVerdicts(list.loaded.data);
  return (
    <>
      <FaultLogFilterBar
        filters={list.filters}
        days={list.days}
        machines={list.machines}
        onChange={list.setFilters}
      />
      <div className="row fault-log-toolbar">
        <p role="status" className="muted">
          {t('faultLog.shown', {
            shown: formatNumber(list.rows.length, lang, 0),
            total: formatNumber(total, lang, 0),
          })}
        </p>
        <ExportCsvButton entries={list.entries} verdicts={verdicts} />
        <ExportPdfButton filters={list.filters} shown={list.rows.length} />
        <PersonNameField />
      </div>
      {total === 0 ? (
        <p className="muted">{t('faultLog.empty')}</p>
      ) : (
        <FaultLogTable
          rows={list.rows}
          sort={list.sort}
          onSort={list.sortBy}
          hrefFor={hrefFor}
          verdicts={verdicts}
          resetKey={list.rows}
        />
      )}
    </>
  );
}

/**
 * The supervisor's fault log, as a maintenance system shows work orders: every entry in a
 * filterable, sortable table, and one entry with its causes, actions and history. Filters and
 * order survive opening an entry and coming back, as the list stays loaded here.
 */
export function FaultLogScreen({ entryId, hrefFor, listHref, reviewHrefFor }: FaultLogScreenProps) {
  const { t } = useTranslation();
  const [list, timingRef] = useFaultLogList();
  const entries = list.data;
  if (entries === null) {
    return (
      <section className="fault-log">
        <h2>{t('faultLog.title')}</h2>
        <Pending error={list.loaded.error} />
      </section>
    );
  }
  if (entryId !== null) {
    const entry = entries.find((candidate) => candidate.id === entryId);
    return entry === undefined ? (
      <section className="fault-log">
        <p>
          <a href={listHref}>{t('faultLog.back')}</a>
        </p>
        <p className="error-text">{t('faultLog.noSuchEntry')}</p>
      </section>
    ) : (
      <FaultLogDetail
        entry={entry}
        listHref={listHref}
        reviewHrefFor={reviewHrefFor}
        onChanged={list.replaceEntry}
      />
    );
  }
  return (
    <section className="fault-log" ref={timingRef} aria-labelledby="fault-log-title">
      <h2 id="fault-log-title">{t('faultLog.title')}</h2>
      <p className="muted">{t('faultLog.purpose')}</p>
      <EntryList list={list} hrefFor={hrefFor} />
    </section>
  );
}
