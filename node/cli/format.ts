/** The text reports of `auscult diagnose` and `auscult analyze` (without --json). */
import type { AnalysisPeak, AnalysisReport } from '../../shared/diagnosis/analyze.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { Language } from '../../shared/api/contract.ts';
import type { Cause, DiagnosisReport, Finding, InputCheck } from '../../shared/diagnosis/report.ts';
import {
  causeName,
  inputAction,
  inputReason,
  inputVerdict,
  inputWarning,
  judgedBandText,
  outsideSpeedsAction,
  outsideSpeedsVerdict,
  scoreScaleText,
  renderAction,
  renderEvidence,
  renderFinding,
  renderSpeedUsed,
  severityName,
  speedsHeading,
} from '../../shared/i18n/diagnosisText.ts';
import { REPORT_WORDS } from './reportWords.ts';

function header(file: string, sampleRateHz: number, durationSeconds: number): string {
  return `${file}: ${sampleRateHz} Hz, ${durationSeconds.toFixed(1)} s`;
}

function frequency(hz: number): string {
  return `${hz.toFixed(hz < 100 ? 2 : 1)} Hz`;
}

function signedDb(db: number): string {
  return `${db >= 0 ? '+' : ''}${db.toFixed(1)} dB`;
}

function causeLines(cause: Cause, rank: number, lang: Language): string[] {
  const words = REPORT_WORDS[lang];
  const where = cause.componentId ? words.on(cause.componentId) : '';
  const facts = words.confidence(cause.confidence.toFixed(2), severityName(cause.severity, lang));
  return [
    `  ${rank}. ${causeName(cause.id, lang)}${where} [${cause.id}]${words.colon}${facts}`,
    ...cause.evidence.map((item) => `       - ${renderEvidence(item, lang)}`),
    `       ${words.action}${words.colon}${renderAction(cause.action, lang)}`,
  ];
}

function findingLine(finding: Finding, lang: Language): string {
  const at = finding.frequencyHz > 0 ? frequency(finding.frequencyHz) : '';
  const kind = REPORT_WORDS[lang].kinds[finding.kind];
  return `  ${kind.padEnd(9)} ${at.padStart(11)} ${signedDb(finding.excessDb).padStart(10)}  ${renderFinding(finding.detail, lang)}`;
}

/**
 * The input check's lines: for an unusable recording its verdict, each problem and what to do;
 * otherwise one warning line per minor problem. Empty when the input passed.
 */
function inputLines(check: InputCheck | undefined, lang: Language): string[] {
  if (!check) return [];
  const verdict = inputVerdict(check, lang);
  if (verdict === null) return check.problems.map((p) => inputWarning(p, lang));
  return [
    `${REPORT_WORDS[lang].verdictLabel}${REPORT_WORDS[lang].colon}${verdict}`,
    ...check.problems.flatMap((p) => [
      `  - ${inputReason(p, lang)}`,
      `    ${REPORT_WORDS[lang].action}${REPORT_WORDS[lang].colon}${inputAction(p, lang)}`,
    ]),
  ];
}

/** Which speed each shaft was judged at, and where it came from. */
function speedLines(report: DiagnosisReport, lang: Language): string[] {
  const speeds = report.speeds ?? [];
  if (speeds.length === 0) return [];
  return ['', speedsHeading(lang), ...speeds.map((item) => `  ${renderSpeedUsed(item, lang)}`)];
}

/** The diagnosis as a technician reads it: verdict, causes with evidence and action, findings. */
export function formatDiagnosis(
  report: DiagnosisReport,
  baseline: BaselineSignature | null,
  lang: Language = 'en',
): string {
  const words = REPORT_WORDS[lang];
  const lines = [header(report.file, report.sampleRateHz, report.durationSeconds)];
  if (report.input && !report.input.usable) {
    return `${[...lines, ...inputLines(report.input, lang)].join('\n')}\n`;
  }
  if (report.outsideSpeeds) {
    lines.push(outsideSpeedsVerdict(report.outsideSpeeds, lang), outsideSpeedsAction(lang));
    lines.push(...inputLines(report.input, lang), ...speedLines(report, lang));
    return `${lines.join('\n')}\n`;
  }
  if (!baseline) lines.push(words.noBaseline);
  const score = report.anomalyScore.toFixed(2);
  const threshold = report.threshold.toFixed(2);
  lines.push(words.verdict(report.anomalous, score, threshold, !!baseline));
  if (report.scoreScale) lines.push(scoreScaleText(report.scoreScale, threshold, lang));
  if (report.judgedBand) lines.push(judgedBandText(report.judgedBand, lang));
  lines.push(...inputLines(report.input, lang));
  if (report.causes.length > 0) {
    lines.push('', words.causesHeading);
    report.causes.forEach((cause, i) => lines.push(...causeLines(cause, i + 1, lang)));
  } else if (report.anomalous) {
    lines.push('', words.noCause);
  } else {
    lines.push('', words.noFault);
  }
  if (report.findings.length > 0) {
    lines.push('', words.findingsHeading);
    lines.push(...report.findings.map((finding) => findingLine(finding, lang)));
  }
  lines.push(...speedLines(report, lang));
  return `${lines.join('\n')}\n`;
}

/** `speeds` of `diagnose --json`: each shaft's speed, its source, and the sentence in `lang`. */
function speedsJson(speeds: NonNullable<DiagnosisReport['speeds']>, lang: Language) {
  return speeds.map((item) => ({
    shaftId: item.params.shaftId,
    rpm: item.params.rpm,
    source: item.code.replace('speed-', ''),
    detail: renderSpeedUsed(item, lang),
    detailItem: item,
  }));
}

/**
 * `diagnose --json`: the documented shape (sentences in `lang`) with the codes alongside:
 * `findings[].detailItem`, `causes[].evidenceItems` and `causes[].actionItem`.
 */
export function diagnosisJson(report: DiagnosisReport, lang: Language): object {
  return {
    ...report,
    findings: report.findings.map((f) => ({
      ...f,
      detail: renderFinding(f.detail, lang),
      detailItem: f.detail,
    })),
    causes: report.causes.map((c) => ({
      ...c,
      evidence: c.evidence.map((item) => renderEvidence(item, lang)),
      action: renderAction(c.action, lang),
      evidenceItems: c.evidence,
      actionItem: c.action,
    })),
    ...(report.input ? { input: inputJson(report.input, lang) } : {}),
    ...(report.speeds ? { speeds: speedsJson(report.speeds, lang) } : {}),
    ...(report.outsideSpeeds
      ? {
          outsideSpeeds: {
            ...report.outsideSpeeds,
            verdict: outsideSpeedsVerdict(report.outsideSpeeds, lang),
          },
        }
      : {}),
  };
}

/** The input check with its words beside the codes (`verdict` null when the input was usable). */
function inputJson(check: InputCheck, lang: Language): object {
  return {
    ...check,
    verdict: inputVerdict(check, lang),
    problems: check.problems.map((p) => ({
      ...p,
      reason: inputReason(p, lang),
      action: inputAction(p, lang),
    })),
  };
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
  const spl = report.levelUnit === 'dB SPL';
  const level = s.rmsDbSpl === undefined ? '' : `, level ${s.rmsDbSpl.toFixed(1)} dB SPL`;
  const lines = [
    header(report.file, report.sampleRateHz, report.durationSeconds),
    `Statistics: RMS ${s.rms.toPrecision(3)} (${s.rmsDb.toFixed(1)} dBFS${level}), peak ${s.peak.toPrecision(3)}, ` +
      `crest factor ${s.crestFactor.toFixed(2)}, kurtosis ${s.kurtosis?.toFixed(2) ?? 'n/a (constant signal)'}`,
    '',
    `Spectrum peaks (PSD in ${spl ? 'dB SPL/Hz, re (20 µPa)²/Hz' : 'dBFS/Hz, re 1 FS²/Hz'}, resolution ${report.spectrum.binWidthHz.toFixed(2)} Hz, up to ${Math.round(report.analysedMaxHz)} Hz):`,
    ...peakTable(report.spectrum.peaks),
    '',
    `Envelope spectrum of the ${Math.round(lowHz)}–${Math.round(highHz)} Hz band ` +
      `(${spl ? 'dB SPL' : 'dBFS'}, spectral kurtosis ${e.spectralKurtosis.toFixed(2)}, ${e.significant ? 'impulsive' : 'not significantly impulsive'}):`,
    ...peakTable(e.peaks),
  ];
  if (report.input) lines.splice(2, 0, ...inputLines(report.input, 'en'));
  return `${lines.join('\n')}\n`;
}
