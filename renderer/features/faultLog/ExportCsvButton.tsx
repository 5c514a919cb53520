import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultLogFilters } from '../../../shared/faultLog/filter.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { downloadBlob } from '../../files/download.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { faultLogCsvBlob, faultLogFileName } from './exportCsv.ts';

export interface ExportCsvButtonProps {
  /** The screen's filters: the host writes every entry they let through, loaded or not. */
  readonly filters: FaultLogFilters;
  /** How many entries that is (for the button's tooltip), or null before it is known. */
  readonly total: number | null;
}

/**
 * "Export CSV": saves every entry the filters let through as `fault-log-YYYY-MM-DD.csv`, newest
 * first, written by the host (reports.faultLogCsv) in the page's language: the page holds only
 * the pages it loaded, the file holds them all.
 */
export function ExportCsvButton({ filters, total }: ExportCsvButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const describeError = useErrorSentence();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportCsv = () => {
    setBusy(true);
    setError(null);
    api.reports
      .faultLogCsv(filters, lang)
      .then(
        (bytes) => downloadBlob(faultLogCsvBlob(bytes), faultLogFileName(new Date())),
        (failure: unknown) => setError(describeError(failure)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <span className="report-button">
      <button
        type="button"
        onClick={exportCsv}
        disabled={busy}
        title={t('faultLogExport.csvTitle', { entries: total ?? '…' })}
      >
        {busy ? t('report.working') : t('faultLogExport.csv')}
      </button>
      <ErrorText message={error} />
    </span>
  );
}
