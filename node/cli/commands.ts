/**
 * The three commands of `auscult`, each from parsed arguments to the text it prints, analysing on
 * the command line's pool.
 */
import { densitySpectrumCsv } from '../../shared/csv/densitySpectrumCsv.ts';
import { withShaftSpeeds } from '../../shared/diagnosis/profile.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { readCalibrationFile } from '../diagnosis/calibrationFile.ts';
import { readBaselineFile, readProfileFile, writeFileAtomic } from '../diagnosis/jsonFiles.ts';
import {
  analyzeFile,
  buildBaselineFromSegments,
  diagnoseFile,
  serializeBaseline,
} from '../diagnosis/pipeline.ts';
import type { AnalyzeArgs, BaselineArgs, DiagnoseArgs } from './args.ts';
import { InputError } from './errors.ts';
import { diagnosisJson, formatAnalysis, formatDiagnosis } from './format.ts';

/** What a command produced: its standard output and any warnings for standard error. */
export interface CommandOutput {
  readonly stdout: string;
  readonly warnings: readonly string[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export async function runBaseline(args: BaselineArgs, pool: AnalysisPool): Promise<CommandOutput> {
  const profile = await readProfileFile(args.profilePath);
  const { result: signature, warnings } = await buildBaselineFromSegments(
    args.recordingPaths.map((path) => ({ path })),
    profile,
    pool,
  );
  await writeFileAtomic(args.outPath, serializeBaseline(signature));
  const items = signature.model.itemCount;
  const recordings = signature.sources.length;
  const worst = Math.max(...signature.calibrationScores);
  return {
    stdout:
      `Baseline written to ${args.outPath}: ${plural(items, 'item')} from ` +
      `${plural(recordings, 'recording')}, threshold ${signature.threshold.toFixed(2)} ` +
      `(healthy scores up to ${worst.toFixed(2)}).\n`,
    warnings,
  };
}

/** The profile with this recording's shaft speeds, or an InputError naming the bad shaft. */
function checkRpmOverrides(
  profile: MachineProfile | null,
  overrides: Readonly<Record<string, number>>,
): void {
  const shafts = Object.keys(overrides);
  if (shafts.length === 0) return;
  if (!profile) {
    throw new InputError(
      `--rpm ${shafts[0]}=… needs a machine profile, but the baseline has none and no --profile was given`,
    );
  }
  try {
    withShaftSpeeds(profile, overrides);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const unknown = shafts.find((id) => !profile.shafts.some((s) => s.id === id)) ?? shafts[0];
    const known = profile.shafts.map((s) => s.id).join(', ') || 'none';
    throw new InputError(
      `--rpm names shaft "${unknown}", which profile "${profile.id}" does not have (its shafts: ${known})`,
    );
  }
}

export async function runDiagnose(args: DiagnoseArgs, pool: AnalysisPool): Promise<CommandOutput> {
  const baseline = args.baselinePath ? await readBaselineFile(args.baselinePath) : null;
  const profile = args.profilePath ? await readProfileFile(args.profilePath) : null;
  // Checked before the recording is read: a typo should not cost a 10-minute analysis.
  checkRpmOverrides(profile ?? baseline?.profile ?? null, args.rpmOverrides);
  const { result: report, warnings } = await diagnoseFile(args.recordingPath, {
    baseline,
    profile,
    rpmOverrides: args.rpmOverrides,
    pool,
  });
  return {
    stdout: args.json
      ? `${JSON.stringify(diagnosisJson(report, args.lang), null, 2)}\n`
      : formatDiagnosis(report, baseline, args.lang),
    warnings,
  };
}

export async function runAnalyze(args: AnalyzeArgs, pool: AnalysisPool): Promise<CommandOutput> {
  // Read before the recording: a bad calibration file should not cost a long analysis.
  const calibration = args.calibrationPath
    ? await readCalibrationFile(args.calibrationPath, args.sensitivityDbfs)
    : null;
  const analysis = await analyzeFile(args.recordingPath, undefined, pool, calibration);
  const { result: report, warnings } = analysis;
  let stdout = formatAnalysis(report);
  if (args.json) stdout = `${JSON.stringify(report, null, 2)}\n`;
  if (args.csv) stdout = densitySpectrumCsv(analysis.spectrum, calibration);
  return { stdout, warnings };
}
