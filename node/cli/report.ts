/**
 * `auscult report`: analyses a WAV file against a baseline as `auscult diagnose` does, then
 * writes the one-page diagnosis report as PDF (docs/formats.md, "Diagnosis report PDF").
 */
import { basename } from 'node:path';
import { diagnoseDetailed } from '../../shared/diagnosis/diagnose.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { selectionViews } from '../api/selection.ts';
import { readBaselineFile, readProfileFile, writeFileAtomic } from '../diagnosis/jsonFiles.ts';
import { extractFileFeatures } from '../diagnosis/featuresFromFile.ts';
import { diagnosisPdf } from '../reports/diagnosisPdf.ts';
import type { ReportArgs } from './args.ts';
import type { CommandOutput } from './commands.ts';

export async function runReport(args: ReportArgs, pool: AnalysisPool): Promise<CommandOutput> {
  const baseline = await readBaselineFile(args.baselinePath);
  const profile = args.profilePath ? await readProfileFile(args.profilePath) : null;
  const { info, features } = await extractFileFeatures(args.recordingPath, {}, { pool });
  const fileName = basename(args.recordingPath);
  const detail = diagnoseDetailed({ fileName, features, baseline, profile, rpmOverrides: {} });
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
  const verdict = report.anomalous ? 'anomalous' : 'normal';
  return {
    stdout: `Diagnosis report written to ${args.outPath} (${args.paper === 'a4' ? 'A4' : 'Letter'}, ${args.lang}): ${verdict}, score ${report.anomalyScore.toFixed(2)}.\n`,
    warnings: info.warnings.map((warning) => `"${args.recordingPath}": ${warning}`),
  };
}
