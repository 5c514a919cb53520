/**
 * The review domain of the API: a stretch's analysis (selection.ts) and the overviews of a whole
 * recording (spectrogram, waveform peaks), computed on the host from the file on disk.
 */
import type { AuscultApi } from '../../shared/api/contract.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { computeSpectrogram, computeWaveformPeaks } from '../analysis/recordingOverview.ts';
import { InputError, recordingInputError } from '../diagnosis/inputError.ts';
import type { LibraryContext } from '../workflows/context.ts';
import type { FeatureSource } from '../workflows/features.ts';
import { analyseSelection } from './selection.ts';

/** Runs `work` on the recording's file; file problems become an InputError naming the recording. */
async function onRecordingFile<T>(
  library: LibraryContext,
  recordingId: string,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const recording = await library.store.recordings.get(recordingId);
  const path = await library.audio.localPath(recording.id);
  try {
    return await work(path);
  } catch (error) {
    const mapped = recordingInputError(error, recording.name);
    if (mapped instanceof InputError) throw mapped;
    if (error instanceof RangeError && /needs at least/.test(error.message)) {
      throw new InputError(`recording "${recording.name}" is too short: ${error.message}`);
    }
    throw error;
  }
}

export function reviewApi(
  library: LibraryContext,
  features: FeatureSource,
  pool: AnalysisPool,
): AuscultApi['review'] {
  return {
    selection: (recordingId, startSeconds, endSeconds) =>
      analyseSelection(library, features, recordingId, startSeconds, endSeconds),
    spectrogram: (recordingId, columns) =>
      onRecordingFile(library, recordingId, async (path) => ({
        recordingId,
        ...(await computeSpectrogram(path, columns, { pool })),
      })),
    peaks: (recordingId, count) =>
      onRecordingFile(library, recordingId, async (path) => ({
        recordingId,
        ...(await computeWaveformPeaks(path, count, { pool })),
      })),
  };
}
