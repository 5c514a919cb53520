/**
 * review.selection: a stretch of a recording analysed against its machine's baseline, with what
 * the Review screen draws (spectrum against the normal band, anomalous lines, envelope spectrum,
 * characteristic-frequency markers) and the stretch's diagnosis; diagnoses.save stores it.
 */
import { ApiError } from '../../shared/api/contract.ts';
import type {
  BaselineSpectrumView,
  RecordingSummary,
  SelectionAnalysis,
  StoredDiagnosis,
} from '../../shared/api/contract.ts';
import type { Comparison } from '../../shared/diagnosis/baseline/compare.ts';
import type { BaselineModel } from '../../shared/diagnosis/baseline/model.ts';
import type { CharacteristicFrequency } from '../../shared/diagnosis/characteristicFrequencies.ts';
import { ANALYSIS } from '../../shared/diagnosis/features/settings.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { diagnoseStretch } from '../workflows/diagnose.ts';
import { canonicalJson } from '../sync/rowDigest.ts';
import type { DiagnosisRegion } from '../store/types.ts';
import type { FeatureSource } from '../workflows/features.ts';
import { toMicCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import { calibratedViews } from './calibratedViews.ts';
import { baselineSpectrumView } from './spectrumView.ts';

/** At most this many points per spectrum sent to the page. */
export const MAX_SELECTION_POINTS = 4000;
/** Lines this far over the healthy maximum are highlighted. */
export const ANOMALY_EXCESS_DB = 6;

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Levels on bins k·binWidthHz (from bin 1: a log axis cannot show 0 Hz) reduced to at most
 * `maxPoints` by max-pooling consecutive bins: each group shows its highest level at that
 * level's frequency, so narrow lines survive. `offsetDb` is added to every level.
 */
export function maxPooledSpectrum(
  levelsDb: readonly number[],
  binWidthHz: number,
  offsetDb = 0,
  maxPoints = MAX_SELECTION_POINTS,
): { frequenciesHz: number[]; levelsDb: number[] } {
  const first = 1;
  const groupSize = Math.max(1, Math.ceil((levelsDb.length - first) / maxPoints));
  const out = { frequenciesHz: [] as number[], levelsDb: [] as number[] };
  for (let start = first; start < levelsDb.length; start += groupSize) {
    let peak = start;
    for (let k = start + 1; k < Math.min(levelsDb.length, start + groupSize); k++) {
      if (levelsDb[k] > levelsDb[peak]) peak = k;
    }
    out.frequenciesHz.push(round(peak * binWidthHz, 2));
    out.levelsDb.push(round(levelsDb[peak] + offsetDb, 2));
  }
  return out;
}

/** Frames [start, end) of the recording; ApiError 'invalid-argument' for a stretch it lacks. */
export function selectionFrames(
  recording: RecordingSummary,
  startSeconds: number,
  endSeconds: number,
): { startFrame: number; frameCount: number } {
  const rate = recording.sampleRateHz;
  const totalFrames = Math.round(recording.durationSeconds * rate);
  const duration = totalFrames / rate;
  const durationSeconds = round(duration, 3);
  const minSeconds = ANALYSIS.minDurationSeconds;
  const fail = (why: string, reason: 'selection-outside') =>
    new ApiError(
      'invalid-argument',
      `review.selection: ${why} (the recording lasts ${durationSeconds} s).`,
      { reason, params: { durationSeconds, minSeconds } },
    );
  if (!(endSeconds > startSeconds)) {
    throw fail('endSeconds must be after startSeconds', 'selection-outside');
  }
  // Half a frame of slack: the page may send the duration it was given, rounded.
  if (endSeconds > duration + 0.5 / rate) {
    throw fail('endSeconds is past the end of the recording', 'selection-outside');
  }
  if (endSeconds - startSeconds < minSeconds) {
    // The page words too-short with the stretch's own length, not the recording's.
    const stretchSeconds = round(endSeconds - startSeconds, 3);
    throw new ApiError(
      'invalid-argument',
      `review.selection: the stretch must last at least ${minSeconds} s (it lasts ${stretchSeconds} s).`,
      { reason: 'too-short', params: { durationSeconds: stretchSeconds, minSeconds } },
    );
  }
  const startFrame = Math.min(totalFrames, Math.round(startSeconds * rate));
  const endFrame = Math.min(totalFrames, Math.round(endSeconds * rate));
  return { startFrame, frameCount: endFrame - startFrame };
}

/** What puts the recording on the baseline's scale (as compareWithBaseline): bin width, gain. */
export function normalisationDb(
  features: RecordingFeatures,
  model: BaselineModel | null,
  comparison: Comparison | null,
): number {
  return model && comparison
    ? 10 * Math.log10(features.spectrum.binWidthHz / model.spectrum.binWidthHz) - comparison.gainDb
    : 0;
}

/**
 * The baseline's curves on the recording's own scale: moved by the opposite of what puts the
 * recording on the baseline's, so the recording keeps its own dBFS/Hz (what the axis, the
 * cursor readout and the CSV header say) and what stands above the band is what it compared.
 */
function baselineAtRecordingLevel(
  baseline: { readonly id: string; readonly model: BaselineModel },
  offsetDb: number,
): BaselineSpectrumView {
  const view = baselineSpectrumView(baseline.id, baseline.model.spectrum, MAX_SELECTION_POINTS);
  const moved = (levelsDb: readonly number[]) => levelsDb.map((db) => round(db - offsetDb, 2));
  return {
    ...view,
    medianDb: moved(view.medianDb),
    lowerDb: moved(view.lowerDb),
    upperDb: moved(view.upperDb),
  };
}

function envelopeOf(features: RecordingFeatures): SelectionAnalysis['envelope'] {
  const { lowHz, highHz, binWidthHz, levelsDb } = features.envelope;
  return {
    lowHz: round(lowHz, 1),
    highHz: round(highHz, 1),
    ...maxPooledSpectrum(levelsDb, binWidthHz),
  };
}

function markersOf(
  frequencies: readonly CharacteristicFrequency[],
  maxHz: number,
): SelectionAnalysis['markers'] {
  return frequencies
    .filter((f) => f.frequencyHz > 0 && f.frequencyHz <= maxHz)
    .map((f) => ({ id: f.id, name: f.name, kind: f.kind, frequencyHz: round(f.frequencyHz, 3) }));
}

/** What Review draws besides the report: the same for a library recording and a file. */
export type SelectionViews = Omit<
  SelectionAnalysis,
  'recordingId' | 'startSeconds' | 'endSeconds' | 'report'
>;

/**
 * The spectra, anomalies and markers of analysed features against a baseline (null: none), from
 * the diagnosis' own comparison and characteristic frequencies. The printed diagnosis report of
 * `auscult report` uses it too, so both draw the same chart.
 */
export function selectionViews(
  features: RecordingFeatures,
  baseline: { readonly id: string; readonly model: BaselineModel } | null,
  comparison: Comparison | null,
  frequencies: readonly CharacteristicFrequency[],
): SelectionViews {
  const { levelsDb, binWidthHz } = features.spectrum;
  return {
    spectrum: maxPooledSpectrum(levelsDb, binWidthHz),
    baseline: baseline
      ? baselineAtRecordingLevel(baseline, normalisationDb(features, baseline.model, comparison))
      : null,
    anomalies: (comparison?.peaks ?? [])
      .filter((line) => line.excessDb >= ANOMALY_EXCESS_DB)
      .map((line) => ({
        frequencyHz: round(line.frequencyHz, 2),
        excessDb: round(line.excessDb, 1),
      })),
    envelope: envelopeOf(features),
    markers: markersOf(frequencies, features.analysedMaxHz),
  };
}

/**
 * Analyses [startSeconds, endSeconds) of the recording (see the file comment); nothing is
 * stored. Rejects with NotFoundError for an unknown recording, ApiError 'invalid-argument' for a
 * stretch outside the recording or shorter than 0.5 s, InputError for unusable audio.
 */
export async function analyseSelection(
  library: LibraryContext,
  source: FeatureSource,
  recordingId: string,
  startSeconds: number,
  endSeconds: number,
): Promise<SelectionAnalysis> {
  const recording = await library.store.recordings.get(recordingId);
  const range = selectionFrames(recording, startSeconds, endSeconds);
  const diagnosis = await diagnoseStretch(library, recording, source, range);
  const { features, baseline, comparison, frequencies, report, region } = diagnosis;
  const model = baseline ? { id: baseline.summary.id, model: baseline.signature.model } : null;
  const views = selectionViews(features, model, comparison, frequencies);
  return {
    recordingId,
    startSeconds: region?.startSeconds ?? 0,
    endSeconds: region?.endSeconds ?? recording.durationSeconds,
    ...(recording.calibration
      ? calibratedViews(views, toMicCalibration(recording.calibration), [
          features.envelope.lowHz,
          features.envelope.highHz,
        ])
      : { ...views, levelUnit: 'dBFS' as const }),
    report,
  };
}

/**
 * Diagnoses [startSeconds, endSeconds) as analyseSelection does (deterministic: the same report)
 * and stores it with the stretch in its own columns — unless the recording's newest diagnosis is
 * already this one (same stretch, same baseline, same report), which is answered instead:
 * printing a report twice or saving to the fault log after printing must not add a row and a
 * trend point each time. Rejects as analyseSelection does.
 */
export async function saveSelectionDiagnosis(
  library: LibraryContext,
  source: FeatureSource,
  recordingId: string,
  startSeconds: number,
  endSeconds: number,
): Promise<StoredDiagnosis> {
  const recording = await library.store.recordings.get(recordingId);
  const range = selectionFrames(recording, startSeconds, endSeconds);
  const diagnosis = await diagnoseStretch(library, recording, source, range);
  const baselineId = diagnosis.baseline?.summary.id ?? null;
  const report = canonicalJson(diagnosis.report);
  const [newest] = await library.store.diagnoses.list(recordingId);
  if (
    newest !== undefined &&
    newest.baselineId === baselineId &&
    sameRegion(newest.region, diagnosis.region) &&
    canonicalJson(newest.report) === report
  ) {
    return newest;
  }
  return library.store.diagnoses.insert({
    recordingId,
    machineId: recording.machineId,
    baselineId,
    report: diagnosis.report,
    region: diagnosis.region,
  });
}

function sameRegion(a: DiagnosisRegion | null, b: DiagnosisRegion | null): boolean {
  if (a === null || b === null) return a === b;
  return a.startSeconds === b.startSeconds && a.endSeconds === b.endSeconds;
}
