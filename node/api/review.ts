/**
 * The review domain of the API: a stretch's analysis (selection.ts) and the overviews of a whole
 * recording (spectrogram, waveform peaks), computed on the host from the file on disk.
 */
import type { AuscultApi, RecordingSummary } from '../../shared/api/contract.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import {
  computeSpectrogram,
  computeWaveformPeaks,
  spectrogramSegmentLength,
} from '../analysis/recordingOverview.ts';
import { InputError, recordingInputError } from '../diagnosis/inputError.ts';
import type { LibraryContext } from '../workflows/context.ts';
import type { FeatureSource } from '../workflows/features.ts';
import { analyseSelection } from './selection.ts';

/** Runs `work` on the recording's file; file problems become an InputError naming the recording. */
async function onRecordingFile<T>(
  library: LibraryContext,
  recordingId: string,
  work: (path: string, recording: RecordingSummary) => Promise<T>,
): Promise<T> {
  const recording = await library.store.recordings.get(recordingId);
  const path = await library.audio.localPath(recording.id);
  try {
    return await work(path, recording);
  } catch (error) {
    throw recordingInputError(error, recording.name);
  }
}

/** Refuses, before reading the file, a recording shorter than one spectrogram segment. */
function assertSpectrogramFits(recording: RecordingSummary): void {
  const rate = recording.sampleRateHz;
  const minFrames = spectrogramSegmentLength(rate);
  if (Math.round(recording.durationSeconds * rate) >= minFrames) return;
  throw new InputError(
    `recording "${recording.name}" is too short for a spectrogram: it needs at least ${minFrames} frames`,
    'too-short',
    {
      name: recording.name,
      durationSeconds: recording.durationSeconds,
      minSeconds: minFrames / rate,
    },
  );
}

export function reviewApi(
  library: LibraryContext,
  features: FeatureSource,
  pool: AnalysisPool,
): Omit<AuscultApi['review'], 'queue'> {
  return {
    selection: (recordingId, startSeconds, endSeconds) =>
      analyseSelection(library, features, recordingId, startSeconds, endSeconds),
    spectrogram: (recordingId, columns) =>
      onRecordingFile(library, recordingId, async (path, recording) => {
        // An InputError naming the recording already: recordingInputError passes it through.
        assertSpectrogramFits(recording);
        return { recordingId, ...(await computeSpectrogram(path, columns, { pool })) };
      }),
    peaks: (recordingId, count) =>
      onRecordingFile(library, recordingId, async (path) => ({
        recordingId,
        ...(await computeWaveformPeaks(path, count, { pool })),
      })),
  };
}
