import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Pending } from '../../components/Pending.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { PersonNameField } from '../settings/index.ts';
import { useLatestVerdicts } from '../verdicts/index.ts';
import { FaultLogDetail } from './FaultLogDetail.tsx';
import { FaultLogFilterBar } from './FaultLogFilterBar.tsx';
import { FaultLogTable } from './FaultLogTable.tsx';
import { LinkedEntry } from './LinkedEntry.tsx';
import { PAGE_SIZE, useFaultLogList } from './useFaultLogList.ts';
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
  const verdicts = useLatestVerdicts(list.entries);
  const count = (n: number) => formatNumber(n, lang, 0);
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
          {list.total === null
            ? t('faultLog.loading')
            : t('faultLog.shown', { shown: count(list.entries.length), total: count(list.total) })}
        </p>
        <ExportCsvButton filters={list.filters} total={list.total} />
        <ExportPdfButton filters={list.filters} shown={list.total ?? 0} />
        <PersonNameField />
      </div>
      <p className="muted">{t('faultLog.order')}</p>
      {list.total === 0 ? (
        <p className="muted">{t('faultLog.empty')}</p>
      ) : (
        <FaultLogTable
          entries={list.entries}
          hrefFor={hrefFor}
          verdicts={verdicts}
          resetKey={list.filters}
          onNearEnd={list.loadMore}
        />
      )}
      <ErrorText message={list.error} />
      {list.hasMore && (
        <button type="button" onClick={list.loadMore} disabled={list.loading}>
          {list.loading ? t('faultLog.loadingMore') : t('faultLog.loadMore', { page: PAGE_SIZE })}
        </button>
      )}
    </>
  );
}

/**
 * The supervisor's fault log, as a maintenance system shows work orders: the entries newest
 * first in a filtered table loaded a page at a time, and one entry with its causes, actions and
 * history. Filters and loaded pages survive opening an entry and coming back.
 */
export function FaultLogScreen({ entryId, hrefFor, listHref, reviewHrefFor }: FaultLogScreenProps) {
  const { t } = useTranslation();
  const [list, timingRef] = useFaultLogList();
  if (entryId !== null && list.total === null) {
    return (
      <section className="fault-log">
        <h2>{t('faultLog.title')}</h2>
        <Pending error={list.error} />
      </section>
    );
  }
  if (entryId !== null) {
    const entry = list.entryById(entryId);
    return entry === undefined ? (
      <LinkedEntry
        entryId={entryId}
        listHref={listHref}
        reviewHrefFor={reviewHrefFor}
        onChanged={list.replaceEntry}
      />
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
