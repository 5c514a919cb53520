/**
 * The diagnosis engine: a recording's features against a baseline (and the machine's profile)
 * give the verdict, the findings and the ranked likely causes (docs/formats.md, docs/diagnosis.md).
 * Pure and deterministic: the same input gives the same report, byte for byte once serialised.
 */
import { baselineModelAt } from './baseline/baselineAtSpeed.ts';
import type { OutsideSpeeds } from './baseline/baselineAtSpeed.ts';
import { compareWithBaseline } from './baseline/compare.ts';
import type { Comparison } from './baseline/compare.ts';
import type { BaselineSignature } from './baseline/signature.ts';
import { characteristicFrequencies } from './characteristicFrequencies.ts';
import type { CharacteristicFrequency } from './characteristicFrequencies.ts';
import type { RecordingFeatures } from './features/types.ts';
import type { MachineProfile } from './profile.ts';
import { withShaftSpeeds } from './profile.ts';
import type { Cause, DiagnosisReport, JudgedBand } from './report.ts';
import { bearingRule } from './rules/bearing.ts';
import { beltRule } from './rules/belt.ts';
import type { CauseCandidate } from './rules/candidate.ts';
import { chatterRule, withNewTone } from './rules/chatter.ts';
import { createRuleContext } from './rules/context.ts';
import type { RuleContext } from './rules/context.ts';
import { electricalRule } from './rules/electrical.ts';
import { gearRule } from './rules/gear.ts';
import { leadScrewRule } from './rules/leadScrew.ts';
import { lubricationRule } from './rules/lubrication.ts';
import { shaftRule } from './rules/shaft.ts';
import { RULES } from './rules/thresholds.ts';
import { round, severityFor } from './severity.ts';
import { modulationOnScale, temporalOnScale, unexplained } from './unexplained.ts';
import type { TemporalExcess } from './baseline/temporal.ts';
import type { ShaftSpeedEstimate } from './speed/estimate.ts';
import { chooseShaftSpeeds } from './speed/speedsUsed.ts';
import type { ChosenSpeeds } from './speed/speedsUsed.ts';
import { findingsFrom } from './findings.ts';
import { checkInput, resolutionProblems } from './inputCheck.ts';
import type { InputCheck } from './inputCheck.ts';
import type { SignalSurvey } from './signalSurvey.ts';

export interface DiagnoseInput {
  /** Echoed in the report: the recording's name as the user gave it. */
  readonly fileName: string;
  readonly features: RecordingFeatures;
  readonly baseline: BaselineSignature | null;
  /** Default: the baseline's own profile. */
  readonly profile: MachineProfile | null;
  /** The recording's shaft speeds where they differ from the profile, rpm. */
  readonly rpmOverrides: Readonly<Record<string, number>>;
  /**
   * The survey of the recording's raw samples (signalSurvey.ts) for the input check; without it
   * only the resolution is checked.
   */
  readonly inputSurvey?: SignalSurvey | null;
  /**
   * Speeds estimated from the recording (shared/diagnosis/speed): used for the shafts that
   * `rpmOverrides` leaves out, when trusted. Default: none, the profile's speeds.
   */
  readonly speedEstimates?: readonly ShaftSpeedEstimate[];
}

/** Defects that show as a pattern of their own (periodic or irregular impacts). */
const PATTERN_RULES: readonly ((ctx: RuleContext) => CauseCandidate[])[] = [
  bearingRule,
  leadScrewRule,
];

/** Changes of level: they need the healthy machine to compare with. */
const BASELINE_RULES: readonly ((ctx: RuleContext) => CauseCandidate[])[] = [
  shaftRule,
  gearRule,
  beltRule,
  electricalRule,
  chatterRule,
  lubricationRule,
];

/** Without a baseline, "anomalous" means a kinematic line stands this far out of its floor. */
const NO_BASELINE_THRESHOLD = 2;

export { severityFor };

function toCause(candidate: CauseCandidate, factor: number): Cause {
  return {
    id: candidate.id,
    componentId: candidate.componentId,
    confidence: round(candidate.confidence * factor, 2),
    severity: severityFor(candidate.excessDb),
    evidence: candidate.evidence,
    action: { code: candidate.id, params: {} },
  };
}

function byConfidence(a: Cause, b: Cause): number {
  return (
    b.confidence - a.confidence ||
    a.id.localeCompare(b.id) ||
    (a.componentId ?? '').localeCompare(b.componentId ?? '')
  );
}

/** A report with what it was computed from, for callers that draw the comparison too. */
export interface DiagnosisDetail {
  readonly report: DiagnosisReport;
  /** The comparison with the baseline; null without one. */
  readonly comparison: Comparison | null;
  /** The profile's characteristic frequencies at the recording's speeds. */
  readonly frequencies: readonly CharacteristicFrequency[];
}

/**
 * The report of a recording that failed the input check: no score, no findings, no cause — the
 * problems are the verdict (docs/diagnosis.md, "Input check").
 */
function unusableReport(
  input: DiagnoseInput,
  check: InputCheck,
  threshold: number,
): DiagnosisReport {
  return { ...unjudgedReport(input, threshold), input: check };
}

/** A report that judges nothing: no score, no finding, no cause. */
function unjudgedReport(input: DiagnoseInput, threshold: number): DiagnosisReport {
  return {
    file: input.fileName,
    sampleRateHz: input.features.sampleRateHz,
    durationSeconds: round(input.features.durationSeconds, 3),
    anomalous: false,
    anomalyScore: 0,
    threshold: round(threshold, 2),
    findings: [],
    causes: [],
  };
}

/**
 * The report of a recording outside the speeds of a baseline over several speeds: no score, no
 * cause — nothing measured says what is normal at its speed (docs/diagnosis.md).
 */
function outsideReport(
  input: DiagnoseInput,
  threshold: number,
  outside: OutsideSpeeds,
  speeds: ChosenSpeeds | null,
  check: InputCheck,
): DiagnosisReport {
  return {
    ...unjudgedReport(input, threshold),
    ...(check.problems.length > 0 ? { input: check } : {}),
    ...(speeds && speeds.items.length > 0 ? { speeds: speeds.items } : {}),
    outsideSpeeds: outside,
  };
}

/** The input check of a diagnosis: the survey's, and the resolution the baseline asks for. */
function inputCheckOf(input: DiagnoseInput): InputCheck {
  const resolution = resolutionProblems(input.features, input.baseline?.model ?? null);
  return checkInput(input.inputSurvey ?? null, resolution);
}

/** The speed of each shaft: given, else estimated and trusted, else the profile's. */
function speedsOf(profile: MachineProfile, input: DiagnoseInput): ChosenSpeeds {
  return chooseShaftSpeeds(profile, input.rpmOverrides, input.speedEstimates ?? []);
}

/** A phone's channel ends below this; a wider narrowed band is just the band both share. */
const PHONE_BAND_TOP_HZ = 4000;

/** The band the verdict rests on, when the comparison narrowed it (compare.ts). */
function judgedBandOf(comparison: Comparison | null): JudgedBand | null {
  const band = comparison?.narrowBandHz;
  if (!band) return null;
  return {
    code: band[1] < PHONE_BAND_TOP_HZ ? 'phone-band' : 'common-band',
    params: { lowHz: Math.round(band[0]), highHz: Math.round(band[1]) },
  };
}

/** The diagnosis of a recording's features (docs/diagnosis.md). */
export function diagnose(input: DiagnoseInput): DiagnosisReport {
  return diagnoseDetailed(input).report;
}

/** As diagnose, with the comparison and the frequencies it used (computed once). */
export function diagnoseDetailed(input: DiagnoseInput): DiagnosisDetail {
  const { features, baseline } = input;
  const check = inputCheckOf(input);
  if (!check.usable) {
    const threshold = baseline ? baseline.threshold : NO_BASELINE_THRESHOLD;
    return { report: unusableReport(input, check, threshold), comparison: null, frequencies: [] };
  }
  const baseProfile = input.profile ?? baseline?.profile ?? null;
  const speeds = baseProfile ? speedsOf(baseProfile, input) : null;
  const profile = baseProfile && speeds ? withShaftSpeeds(baseProfile, speeds.rpmOverrides) : null;
  const frequencies = profile ? characteristicFrequencies(profile) : [];
  const choice = baseline
    ? baselineModelAt(baseline, baseProfile, speeds?.rpmOverrides ?? input.rpmOverrides)
    : null;
  if (baseline && choice?.outside) {
    const report = outsideReport(input, baseline.threshold, choice.outside, speeds, check);
    return { report, comparison: null, frequencies };
  }
  const model = choice?.model ?? null;
  const comparison = model ? compareWithBaseline(features, model) : null;
  const ctx = createRuleContext({
    features,
    comparison,
    model,
    profile,
    frequencies,
    structuralModesHz: profile?.structuralModesHz ?? baseline?.structuralModesHz ?? null,
  });
  const factor = baseline ? 1 : RULES.noBaselineConfidenceFactor;
  const rules = baseline ? [...PATTERN_RULES, ...BASELINE_RULES] : PATTERN_RULES;
  const candidates = rules.flatMap((rule) => rule(ctx));
  const findings = findingsFrom(ctx);

  let anomalyScore: number;
  let threshold: number;
  let rhythmChanged = false;
  let temporalChanged: readonly TemporalExcess[] = [];
  if (comparison && baseline) {
    const modulation = modulationOnScale(comparison, baseline);
    const temporal = temporalOnScale(comparison, baseline);
    rhythmChanged = modulation > baseline.threshold;
    temporalChanged = temporal.changed;
    anomalyScore = Math.max(comparison.anomalyScore, modulation, temporal.score);
    threshold = baseline.threshold;
  } else {
    // Kinematic evidence only: how far the strongest candidate's lines stand out, in 6 dB steps.
    anomalyScore = Math.max(0, ...candidates.map((c) => c.confidence * 4));
    threshold = NO_BASELINE_THRESHOLD;
  }
  const anomalous = anomalyScore > threshold;
  let causes: Cause[] = [];
  if (anomalous) {
    causes = candidates
      .map((c) => toCause(c, factor))
      .filter((c) => c.confidence >= RULES.minConfidence * factor)
      .sort(byConfidence);
    if (comparison && (causes.length === 0 || causes[0].confidence < 0.3)) {
      causes.push(unexplained(comparison, findings, anomalyScore, rhythmChanged, temporalChanged));
      causes.sort(byConfidence);
    }
    causes = causes.map((c) => withNewTone(c, ctx, candidates));
  }
  const judgedBand = judgedBandOf(comparison);
  const report: DiagnosisReport = {
    file: input.fileName,
    sampleRateHz: features.sampleRateHz,
    durationSeconds: round(features.durationSeconds, 3),
    anomalous,
    anomalyScore: round(anomalyScore, 2),
    threshold: round(threshold, 2),
    scoreScale: comparison ? 'baseline-spread' : 'kinematic-prominence',
    findings,
    causes,
    ...(check.problems.length > 0 ? { input: check } : {}),
    ...(speeds && speeds.items.length > 0 ? { speeds: speeds.items } : {}),
    ...(judgedBand ? { judgedBand } : {}),
  };
  return { report, comparison, frequencies };
}
