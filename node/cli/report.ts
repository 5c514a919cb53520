/**
 * `auscult report`: analyses a WAV file against a baseline as `auscult diagnose` does, then
 * writes the one-page diagnosis report as PDF (docs/formats.md, "Diagnosis report PDF").
 */
import { basename } from 'node:path';
import { diagnoseDetailed } from '../../shared/diagnosis/diagnose.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { selectionViews } from '../api/selection.ts';
import { readBaselineFile, readProfileFile, writeFileAtomic } from '../diagnosis/jsonFiles.ts';
import { extractFileFeatures, withWavPath } from '../diagnosis/featuresFromFile.ts';
import { estimateMissingSpeeds } from '../diagnosis/speedFromFile.ts';
import { surveyFile } from '../diagnosis/surveyFile.ts';
import { diagnosisPdf } from '../reports/diagnosisPdf.ts';
import type { ReportArgs } from './reportArgs.ts';
import type { CommandOutput } from './commands.ts';

export async function runReport(args: ReportArgs, pool: AnalysisPool): Promise<CommandOutput> {
  const baseline = await readBaselineFile(args.baselinePath);
  const profile = args.profilePath ? await readProfileFile(args.profilePath) : null;
  const fileName = basename(args.recordingPath);
  // As `auscult diagnose` reads it: decoded once, the input checked, speeds from the sound.
  const { info, features, detail } = await withWavPath(args.recordingPath, async (wavPath) => {
    const { info, features } = await extractFileFeatures(wavPath, {}, { pool });
    const inputSurvey = await surveyFile(wavPath);
    const speedEstimates = await estimateMissingSpeeds(wavPath, profile ?? baseline.profile, {});
    const detail = diagnoseDetailed({
      fileName,
      features,
      baseline,
      profile,
      rpmOverrides: {},
      inputSurvey,
      speedEstimates,
    });
    return { info, features, detail };
  });
  const machineProfile = profile ?? baseline.profile;
  const report = detail.report;
  const bytes = await diagnosisPdf(
    {
      // A baseline made without a profile names no machine: the file is what the reader knows.
      machineName: machineProfile?.name ?? fileName,
      recording: {
        name: fileName,
        recordedAt: null,
        durationSeconds: report.durationSeconds,
        sampleRateHz: report.sampleRateHz,
      },
      region: null,
      report,
      hasBaseline: true,
      spectrum: selectionViews(
        features,
        { id: 'file', model: baseline.model },
        detail.comparison,
        detail.frequencies,
      ),
      generatedAt: new Date(),
    },
    { language: args.lang, paper: args.paper },
  );
  await writeFileAtomic(args.outPath, bytes);
  const verdict =
    report.input?.usable === false
      ? 'no usable signal'
      : report.outsideSpeeds
        ? 'outside the speeds of the baseline'
        : report.anomalous
          ? 'anomalous'
          : 'normal';
  return {
    stdout: `Diagnosis report written to ${args.outPath} (${args.paper === 'a4' ? 'A4' : 'Letter'}, ${args.lang}): ${verdict}, score ${report.anomalyScore.toFixed(2)}.\n`,
    warnings: info.warnings.map((warning) => `"${args.recordingPath}": ${warning}`),
  };
}
