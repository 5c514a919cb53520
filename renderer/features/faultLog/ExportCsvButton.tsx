import { useTranslation } from 'react-i18next';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';
import { downloadBlob } from '../../files/download.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { faultLogCsvBlob, faultLogFileName } from './exportCsv.ts';

export interface ExportCsvButtonProps {
  /** The entries to export, as the screen shows them: filtered and sorted. */
  readonly entries: readonly FaultLogEntry[];
  /** The newest expert verdict by diagnosis id, written beside each entry. */
  readonly verdicts: ReadonlyMap<string, ExpertVerdict>;
}

/**
 * "Export CSV": saves the given entries as `fault-log-YYYY-MM-DD.csv`, with the header and the
 * causes, severities, statuses and experts' verdicts in the page's language.
 */
export function ExportCsvButton({ entries, verdicts }: ExportCsvButtonProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const exportCsv = () =>
    downloadBlob(faultLogCsvBlob(entries, lang, verdicts), faultLogFileName(new Date()));
  return (
    <button
      type="button"
      onClick={exportCsv}
      title={t('faultLogExport.csvTitle', { entries: entries.length })}
    >
      {t('faultLogExport.csv')}
    </button>
  );
}
