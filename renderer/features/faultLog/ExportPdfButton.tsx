import { useTranslation } from 'react-i18next';
import type { FaultLogFilters } from '../../../shared/faultLog/filter.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { PaperSelect, usePaper, usePdfDownload } from '../review/index.ts';
import { faultLogFileName } from './exportCsv.ts';

export interface ExportPdfButtonProps {
  /** The screen's filters: the host prints the entries they let through, and the filters. */
  readonly filters: FaultLogFilters;
  /** How many entries the screen shows with them (for the button's tooltip). */
  readonly shown: number;
}

/**
 * "Export PDF": the fault-log report of the entries the screen's filters let through (newest
 * first), with the filters, counts by cause and status, and trend charts, made by the host.
 */
export function ExportPdfButton({ filters, shown }: ExportPdfButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const [paper, setPaper] = usePaper();
  const { busy, error, download } = usePdfDownload();
  const exportPdf = () =>
    download(
      () => api.reports.faultLog(filters, { language, paper }),
      faultLogFileName(new Date()).replace(/\.csv$/, '.pdf'),
    );
  return (
    <span className="report-button">
      <button
        type="button"
        onClick={exportPdf}
        disabled={busy}
        title={t('report.exportPdfTitle', { entries: shown })}
      >
        {busy ? t('report.working') : t('report.exportPdf')}
      </button>
      <PaperSelect paper={paper} onChange={setPaper} />
      <ErrorText message={error} />
    </span>
  );
}
