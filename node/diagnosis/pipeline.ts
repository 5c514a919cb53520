/**
 * The work behind the `auscult` commands, as functions (the CLI and `npm run eval` share them):
 * WAV files in, a baseline signature, a diagnosis report or an analysis report out.
 */
import type { MicCalibration } from '../../shared/audio/calibration/micCalibration.ts';
import { analyzeRecording } from '../../shared/diagnosis/analyze.ts';
import type { AnalysisReport } from '../../shared/diagnosis/analyze.ts';
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { itemSpeedsOf } from '../../shared/diagnosis/baseline/speedModel.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { extractFileFeatures, withWavPath } from './featuresFromFile.ts';
import type { FrameRange } from './featuresFromFile.ts';
import { healthyItemsFromSegments } from './healthyItems.ts';
import { surveyFile } from './surveyFile.ts';
import type { HealthySegment } from './healthyItems.ts';
import { estimateMissingSpeeds } from './speedFromFile.ts';

/** A result and the reader's remarks on the files it came from (e.g. a cut-off data chunk). */
export interface WithWarnings<T> {
  readonly result: T;
  /** One sentence each, naming the file. */
  readonly warnings: readonly string[];
}

function fileWarnings(path: string, warnings: readonly string[]): string[] {
  return warnings.map((w) => `"${path}": ${w}`);
}

/**
 * A baseline from healthy recordings or stretches of them (see healthyItemsFromSegments),
 * analysed on `pool` (default: in this thread). With a profile, each segment's speed is
 * estimated from its sound: segments at several speeds make a baseline over several speeds.
 */
export async function buildBaselineFromSegments(
  segments: readonly HealthySegment[],
  profile: MachineProfile | null,
  pool?: AnalysisPool,
): Promise<WithWarnings<BaselineSignature>> {
  const { items, groups, sources, warnings, segmentOfItem, speedEstimates } =
    await healthyItemsFromSegments(segments, pool, profile);
  const speeds = itemSpeedsOf(profile, speedEstimates, segmentOfItem);
  return {
    result: buildBaselineSignature(items, groups, { profile, sources, speeds }),
    warnings,
  };
}

export interface DiagnoseFileOptions {
  /** The name echoed as the report's `file`; default: the path. */
  readonly fileName?: string;
  readonly baseline: BaselineSignature | null;
  /** Default: the baseline's own profile. */
  readonly profile: MachineProfile | null;
  /** Shaft speeds of this recording, rpm (check them with `withShaftSpeeds` first). */
  readonly rpmOverrides?: Readonly<Record<string, number>>;
  readonly range?: FrameRange;
  /** Where the analysis runs; default: in this thread. */
  readonly pool?: AnalysisPool;
}

/**
 * Diagnoses the recording at `path`; the shafts `rpmOverrides` leaves out get the speed estimated
 * from the recording when it is trusted, else the profile's. Rejects with InputError for an
 * unusable recording.
 */
export async function diagnoseFile(
  path: string,
  options: DiagnoseFileOptions,
): Promise<WithWarnings<DiagnosisReport>> {
  // A phone recording is decoded once; features, input check and speeds all read that WAV.
  return withWavPath(path, async (wavPath) => {
    const { info, features } = await extractFileFeatures(wavPath, options.range, {
      pool: options.pool,
    });
    const inputSurvey = await surveyFile(wavPath, options.range);
    const rpmOverrides = options.rpmOverrides ?? {};
    const profile = options.profile ?? options.baseline?.profile ?? null;
    const result = diagnose({
      inputSurvey,
      fileName: options.fileName ?? path,
      features,
      baseline: options.baseline,
      profile: options.profile,
      rpmOverrides,
      speedEstimates: await estimateMissingSpeeds(wavPath, profile, rpmOverrides, options.range),
    });
    return { result, warnings: fileWarnings(path, info.warnings) };
  });
}

/** An analysis with the spectrum it read (dBFS), for a CSV of it. */
export interface AnalysisWithSpectrum extends WithWarnings<AnalysisReport> {
  readonly spectrum: RecordingFeatures['spectrum'];
}

/**
 * Analyses the recording at `path` on `pool` (default: in this thread); levels in dB SPL through
 * `calibration`. Rejects with InputError for an unusable recording.
 */
export async function analyzeFile(
  path: string,
  fileName = path,
  pool?: AnalysisPool,
  calibration: MicCalibration | null = null,
): Promise<AnalysisWithSpectrum> {
  return withWavPath(path, async (wavPath) => {
    const { info, features } = await extractFileFeatures(wavPath, {}, { pool });
    const inputSurvey = await surveyFile(wavPath);
    return {
      result: analyzeRecording(fileName, features, { inputSurvey, calibration }),
      warnings: fileWarnings(path, info.warnings),
      spectrum: features.spectrum,
    };
  });
}

/**
 * A baseline as JSON text: two-space indentation, but each array of numbers on one line, so the
 * file is small, its header readable, and a rebuild byte-identical.
 */
export function serializeBaseline(signature: BaselineSignature): string {
  const text = JSON.stringify(signature, null, 2);
  return `${text.replace(/\[\n\s*(-?[\d.e+-]+(?:,\n\s*-?[\d.e+-]+)*)\n\s*\]/g, (_, numbers: string) => `[${numbers.replace(/,\n\s*/g, ', ')}]`)}\n`;
}
