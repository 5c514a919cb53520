/** The text reports of `auscult diagnose` and `auscult analyze` (without --json). */
import type { AnalysisPeak, AnalysisReport } from '../../shared/diagnosis/analyze.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { Cause, DiagnosisReport, Finding } from '../../shared/diagnosis/report.ts';
import { CAUSE_CATALOG } from '../../shared/diagnosis/rules/catalog.ts';

function header(file: string, sampleRateHz: number, durationSeconds: number): string {
  return `${file}: ${sampleRateHz} Hz, ${durationSeconds.toFixed(1)} s`;
}

function frequency(hz: number): string {
  return `${hz.toFixed(hz < 100 ? 2 : 1)} Hz`;
}

function signedDb(db: number): string {
  return `${db >= 0 ? '+' : ''}${db.toFixed(1)} dB`;
}

function verdictLine(report: DiagnosisReport, baseline: BaselineSignature | null): string {
  const against = baseline ? 'threshold' : 'threshold without a baseline';
  const score = `score ${report.anomalyScore.toFixed(2)}, ${against} ${report.threshold.toFixed(2)}`;
  return report.anomalous ? `Verdict: ANOMALOUS (${score})` : `Verdict: normal (${score})`;
}

function causeLines(cause: Cause, rank: number): string[] {
  const name = CAUSE_CATALOG[cause.id]?.name ?? cause.id;
  const where = cause.componentId ? ` on ${cause.componentId}` : '';
  return [
    `  ${rank}. ${name}${where} [${cause.id}]: confidence ${cause.confidence.toFixed(2)}, ${cause.severity}`,
    ...cause.evidence.map((line) => `       - ${line}`),
    `       action: ${cause.action}`,
  ];
}

function findingLine(finding: Finding): string {
  const at = finding.frequencyHz > 0 ? frequency(finding.frequencyHz) : '';
  return `  ${finding.kind.padEnd(9)} ${at.padStart(11)} ${signedDb(finding.excessDb).padStart(10)}  ${finding.detail}`;
}

/** The diagnosis as a technician reads it: verdict, causes with evidence and action, findings. */
export function formatDiagnosis(
  report: DiagnosisReport,
  baseline: BaselineSignature | null,
): string {
  const lines = [header(report.file, report.sampleRateHz, report.durationSeconds)];
  if (!baseline) lines.push('No baseline: kinematic evidence only, at lower confidence.');
  lines.push(verdictLine(report, baseline));
  if (report.causes.length > 0) {
    lines.push('', 'Likely causes (most likely first):');
    report.causes.forEach((cause, i) => lines.push(...causeLines(cause, i + 1)));
  } else if (report.anomalous) {
    lines.push('', 'No likely cause could be named.');
  } else {
    lines.push('', 'No fault detected: nothing stands out of the machine’s healthy sound.');
  }
  if (report.findings.length > 0) {
    lines.push('', 'Findings (kind, frequency, excess, detail):');
    lines.push(...report.findings.map(findingLine));
  }
  return `${lines.join('\n')}\n`;
}

function peakTable(peaks: readonly AnalysisPeak[]): string[] {
  if (peaks.length === 0) return ['  (no line stands out)'];
  return [
    `  ${'frequency'.padStart(12)} ${'level'.padStart(10)} ${'prominence'.padStart(11)}`,
    ...peaks.map(
      (p) =>
        `  ${frequency(p.frequencyHz).padStart(12)} ${`${p.levelDb.toFixed(1)} dB`.padStart(10)} ${signedDb(p.prominenceDb).padStart(11)}`,
    ),
  ];
}

/** The analysis as text: statistics, then the two peak tables. */
export function formatAnalysis(report: AnalysisReport): string {
  const s = report.statistics;
  const e = report.envelope;
  const [lowHz, highHz] = e.demodulationBandHz;
  const lines = [
    header(report.file, report.sampleRateHz, report.durationSeconds),
    `Statistics: RMS ${s.rms.toPrecision(3)} (${s.rmsDb.toFixed(1)} dB), peak ${s.peak.toPrecision(3)}, ` +
      `crest factor ${s.crestFactor.toFixed(2)}, kurtosis ${s.kurtosis?.toFixed(2) ?? 'n/a (constant signal)'}`,
    '',
    `Spectrum peaks (PSD in dB re 1 unit²/Hz, resolution ${report.spectrum.binWidthHz.toFixed(2)} Hz, up to ${Math.round(report.analysedMaxHz)} Hz):`,
    ...peakTable(report.spectrum.peaks),
    '',
    `Envelope spectrum of the ${Math.round(lowHz)}–${Math.round(highHz)} Hz band ` +
      `(spectral kurtosis ${e.spectralKurtosis.toFixed(2)}, ${e.significant ? 'impulsive' : 'not significantly impulsive'}):`,
    ...peakTable(e.peaks),
  ];
  return `${lines.join('\n')}\n`;
}
