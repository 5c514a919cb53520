import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../app/route.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Pending } from '../../components/Pending.tsx';
import { tooShortNotice } from '../../../shared/api/recordingNotices.ts';
import { formatNumber, formatSeconds } from '../../format/numbers.ts';
import { noticeSentence } from '../recordings/index.ts';
import { ReviewActions, useReadOnlyReview } from '../reviews/index.ts';
import { RecordingVerdictPanel } from '../verdicts/index.ts';
import { defaultRegion, normaliseRegion } from './defaultRegion.ts';
import type { TimeRange } from './defaultRegion.ts';
import { DiagnosisPanel } from './DiagnosisPanel.tsx';
import { RecordingCalibrationPanel } from './RecordingCalibrationPanel.tsx';
import { SpectrumPanel } from './SpectrumPanel.tsx';
import { useStretchSave } from './useFaultLogSave.ts';
import type { ReviewSource } from './useReviewSource.ts';
import { useReviewSource } from './useReviewSource.ts';
import { useSelectionAnalysis } from './useSelectionAnalysis.ts';
import type { SelectionState } from './useSelectionAnalysis.ts';
import { useSpectrogram } from './useSpectrogram.ts';
import type { SpectrogramState } from './useSpectrogram.ts';
import { WaveformPanel } from './WaveformPanel.tsx';

/** The stretch's verdict, first on the page: the Review page's answer before its charts. */
function SelectionVerdict({
  recordingId,
  machineId,
  selection,
  readOnly,
}: {
  recordingId: string;
  machineId: string;
  selection: SelectionState;
  /** A read-only review: nothing is saved here, its diagnoses are the sender's. */
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const save = useStretchSave();
  const analysis = selection.data;
  const stretch = analysis ? `${analysis.startSeconds}-${analysis.endSeconds}` : undefined;
  // Saving stores a diagnosis: the expert's verdict area then gives its verdict on that one.
  const [savedCount, setSavedCount] = useState(0);
  const onSave = useCallback(
    async (note: string) => {
      if (!analysis) return;
      await save(recordingId, analysis.startSeconds, analysis.endSeconds, note);
      setSavedCount((count) => count + 1);
    },
    [save, recordingId, analysis],
  );
  return (
    <>
      <p className="muted analysing" role="status">
        {selection.pending ? t('review.analysing') : ''}
      </p>
      <ErrorText message={selection.error} />
      {analysis ? (
        <DiagnosisPanel
          report={analysis.report}
          saveKey={stretch}
          onSaveToFaultLog={readOnly ? undefined : onSave}
          noBaselineHref={
            analysis.baseline === null
              ? formatRoute({ screen: 'machines', view: 'detail', machineId })
              : undefined
          }
        />
      ) : (
        selection.error === null && <p className="muted">{t('review.analysing')}</p>
      )}
      <RecordingVerdictPanel recordingId={recordingId} refreshKey={savedCount} />
    </>
  );
}

interface LoadedReviewProps {
  readonly source: ReviewSource;
  readonly listHref: string;
  readonly spectrogram: SpectrogramState;
  readonly onNeedDetail: () => void;
  /** Loads the recording again (its calibration changed). */
  readonly onReload: () => void;
}

function LoadedReview({
  source,
  listHref,
  spectrogram,
  onNeedDetail,
  onReload,
}: LoadedReviewProps) {
  const { t, i18n } = useTranslation();
  const { recording, machine } = source;
  const duration = recording.durationSeconds;
  const origin = useReadOnlyReview(machine.id);
  const tooShort = tooShortNotice(duration);
  const initialRegion = useMemo(() => defaultRegion(duration), [duration]);
  const [region, setRegion] = useState<TimeRange>(initialRegion);
  const onRegion = useCallback(
    (next: TimeRange) => setRegion(normaliseRegion(next, duration)),
    [duration],
  );
  // Each calibration change: the recording again, and its analysis in its new unit.
  const [calibrationChanges, setCalibrationChanges] = useState(0);
  const onCalibrationChanged = useCallback(() => {
    setCalibrationChanges((count) => count + 1);
    onReload();
  }, [onReload]);
  // Nothing to analyse in a recording too short: the host is not asked.
  const selection = useSelectionAnalysis(
    recording.id,
    tooShort === null ? region : null,
    calibrationChanges,
  );
  const waveformSource = useMemo(
    () => ({ audioUrl: source.audioUrl, peaks: source.peaks, durationSeconds: duration }),
    [source.audioUrl, source.peaks, duration],
  );
  return (
    <section aria-labelledby="review-title" className="review">
      <div className="section-header">
        <h2 id="review-title">{t('review.recordingTitle', { name: recording.name })}</h2>
        <a href={listHref}>{t('review.back')}</a>
      </div>
      <p className="muted">
        {t('review.recordingSummary', {
          machine: machine.name,
          duration: formatSeconds(duration, i18n.language),
          rate: formatNumber(recording.sampleRateHz, i18n.language, 0),
        })}
      </p>
      {origin.review !== undefined && (
        <ReviewActions
          recordingId={recording.id}
          review={origin.review}
          onAdopted={origin.reload}
        />
      )}
      {tooShort === null ? (
        <SelectionVerdict
          recordingId={recording.id}
          machineId={machine.id}
          selection={selection}
          readOnly={origin.review !== null}
        />
      ) : (
        // Say why where the verdict would be.
        <p className="notice" role="status">
          {noticeSentence(tooShort, t, i18n.language)}
        </p>
      )}
      <WaveformPanel
        recordingName={recording.name}
        spectrogram={spectrogram.data}
        spectrogramError={spectrogram.error}
        onNeedDetail={onNeedDetail}
        source={waveformSource}
        region={region}
        initialRegion={initialRegion}
        onRegion={onRegion}
      />
      {origin.review === null && (
        // The spectra's unit, above them; a read-only review's calibration is the sender's.
        <RecordingCalibrationPanel
          recordingId={recording.id}
          calibration={recording.calibration}
          onChanged={onCalibrationChanged}
        />
      )}
      {selection.data && <SpectrumPanel analysis={selection.data} recordingName={recording.name} />}
    </section>
  );
}

/** One recording under review: loads it, then shows its verdict first, then waveform and spectra. */
export function ReviewPage({ recordingId, listHref }: { recordingId: string; listHref: string }) {
  const { t } = useTranslation();
  const source = useReviewSource(recordingId);
  // Asked for at once, beside the recording's peaks: the host computes both in parallel.
  const [wantDetail, setWantDetail] = useState(false);
  const spectrogram = useSpectrogram(recordingId, wantDetail);
  const needDetail = useCallback(() => setWantDetail(true), []);
  if (source.loading || source.error !== null) return <Pending error={source.error} />;
  if (source.data === null) {
    return (
      <section className="empty-state" aria-labelledby="review-title">
        <h2 id="review-title">{t('review.title')}</h2>
        <p className="notice">{t('review.notFound')}</p>
        <a href={listHref}>{t('review.back')}</a>
      </section>
    );
  }
  return (
    <LoadedReview
      source={source.data}
      listHref={listHref}
      spectrogram={spectrogram}
      onNeedDetail={needDetail}
      onReload={source.reload}
    />
  );
}
