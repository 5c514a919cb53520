import { useState } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelUnit } from '../../../shared/audio/calibration/micCalibration.ts';
import type { SpectrumTable } from '../../chart/spectrumTable.ts';
import { useErrorSentence } from '../../api/errors.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { downloadBlob } from '../../files/download.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { DiagnosisReportButton } from './DiagnosisReportButton.tsx';
import { canvasPng, exportFileName, reportFileName } from './exportFiles.ts';
import { spectrumCsv } from './spectrumCsv.ts';

export interface ExportButtonsProps {
  readonly table: SpectrumTable;
  readonly canvas: RefObject<HTMLCanvasElement | null>;
  readonly recordingId: string;
  readonly recordingName: string;
  readonly range: { readonly startSeconds: number; readonly endSeconds: number };
  /** The unit of the table's levels (the CSV header says it). */
  readonly levelUnit: LevelUnit;
}

/**
 * Downloads the shown spectrum as CSV, the chart as a PNG image, and the diagnosis report of the
 * stretch as PDF (its diagnosis stored first: a printed report names a diagnosis that is kept).
 */
export function ExportButtons({
  table,
  canvas,
  recordingId,
  recordingName,
  range,
  levelUnit,
}: ExportButtonsProps) {
  const api = useApi();
  const describeError = useErrorSentence();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const exportCsv = () => {
    const blob = new Blob([spectrumCsv(table, levelUnit)], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, exportFileName(recordingName, range, 'csv'));
  };
  const exportPng = () => {
    const element = canvas.current;
    if (!element) return;
    setError(null);
    canvasPng(element).then(
      (blob) => downloadBlob(blob, exportFileName(recordingName, range, 'png')),
      (failure: unknown) => setError(describeError(failure)),
    );
  };
  return (
    <div className="row exports">
      <button type="button" onClick={exportCsv}>
        {t('review.exportCsv')}
      </button>
      <button type="button" onClick={exportPng}>
        {t('review.exportPng')}
      </button>
      <DiagnosisReportButton
        diagnosisId={async () =>
          (await api.diagnoses.save(recordingId, range.startSeconds, range.endSeconds)).id
        }
        fileName={reportFileName(recordingName, range)}
      />
      <ErrorText message={error} />
    </div>
  );
}
