import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { PaperSelect, usePaper } from './PaperSelect.tsx';
import { usePdfDownload } from './usePdfDownload.ts';

export interface DiagnosisReportButtonProps {
  /**
   * The stored diagnosis to print: Review stores its stretch's diagnosis first (diagnoses.save),
   * a fault-log entry names its own.
   */
  readonly diagnosisId: () => Promise<string>;
  readonly fileName: string;
}

/** "Diagnosis report": the one-page PDF of a diagnosis, in the page's language, to sign. */
export function DiagnosisReportButton({ diagnosisId, fileName }: DiagnosisReportButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const [paper, setPaper] = usePaper();
  const { busy, error, download } = usePdfDownload();
  const makeReport = () =>
    download(async () => api.reports.diagnosis(await diagnosisId(), { language, paper }), fileName);
  return (
    <span className="report-button">
      <button type="button" onClick={makeReport} disabled={busy} title={t('report.diagnosisTitle')}>
        {busy ? t('report.working') : t('report.diagnosis')}
      </button>
      <PaperSelect paper={paper} onChange={setPaper} />
      <ErrorText message={error} />
    </span>
  );
}
