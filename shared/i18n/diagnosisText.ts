/**
 * The one place where a diagnosis report's codes become words, in English or Simplified Chinese:
 * the page, the CLI and printed reports all word findings, evidence, actions, cause names and
 * severities through these pure functions. A report stored before codes existed holds English
 * sentences; they are returned as they are.
 */
import type { Language } from '../api/contract.ts';
import type {
  ActionItem,
  JudgedBand,
  CauseId,
  EvidenceItem,
  FindingItem,
  InputCheck,
  InputProblem,
  LegacyText,
  ScoreScale,
  Severity,
} from '../diagnosis/report.ts';
import { BAND_WORDS } from './diagnosisText/bandWords.ts';
import { INPUT_WORDS } from './diagnosisText/inputWords.ts';
import { EN } from './diagnosisText/en.ts';
import type { DiagnosisWords } from './diagnosisText/words.ts';
import { ZH_CN } from './diagnosisText/zhCN.ts';
import { OUTSIDE_SPEEDS_WORDS, SPEED_WORDS, SPEEDS_HEADING } from './diagnosisText/speedWords.ts';
import type { SpeedUsedItem } from '../diagnosis/speed/speedsUsed.ts';
import type { OutsideSpeeds } from '../diagnosis/baseline/baselineAtSpeed.ts';

const WORDS: Readonly<Record<Language, DiagnosisWords>> = { en: EN, 'zh-CN': ZH_CN };

/** Unknown languages fall back to English rather than failing a report. */
function words(lang: Language): DiagnosisWords {
  return WORDS[lang] ?? EN;
}

/** A finding's detail: "spectral line 8.2 dB above the healthy maximum; matches …". */
export function renderFinding(detail: FindingItem | LegacyText, lang: Language): string {
  if (typeof detail === 'string') return detail;
  const render = words(lang).findings[detail.code] as (params: unknown) => string;
  return render(detail.params);
}

/** One line of a cause's evidence. */
export function renderEvidence(item: EvidenceItem | LegacyText, lang: Language): string {
  if (typeof item === 'string') return item;
  const render = words(lang).evidence[item.code] as (params: unknown) => string;
  return render(item.params);
}

/** What the technician should do about a cause (a stored action, or the cause's own). */
export function renderAction(action: ActionItem | LegacyText, lang: Language): string {
  return typeof action === 'string' ? action : causeAction(action.code, lang);
}

/** A cause's short name: "Bearing outer-race defect", "轴承外圈故障". */
export function causeName(id: CauseId, lang: Language): string {
  return words(lang).causeNames[id] ?? id;
}

/** The action recommended for a cause. */
export function causeAction(id: CauseId, lang: Language): string {
  return words(lang).causeActions[id] ?? '';
}

export function severityName(severity: Severity, lang: Language): string {
  return words(lang).severities[severity] ?? severity;
}

/**
 * The verdict of a recording that failed the input check: "No usable signal: check the
 * microphone"; null when the input allowed a diagnosis.
 */
export function inputVerdict(check: InputCheck | undefined, lang: Language): string | null {
  const first = check?.problems[0];
  if (!check || check.usable || !first) return null;
  const w = INPUT_WORDS[lang] ?? INPUT_WORDS.en;
  return w.unusable(w.shortActions[first.code]);
}

/** What the check found: "the recording is digital silence (5.00 s)". */
export function inputReason(problem: InputProblem, lang: Language): string {
  const render = (INPUT_WORDS[lang] ?? INPUT_WORDS.en).reasons[problem.code] as (
    params: unknown,
  ) => string;
  return render(problem.params);
}

/** What to do about it, in full. */
export function inputAction(problem: InputProblem, lang: Language): string {
  return (INPUT_WORDS[lang] ?? INPUT_WORDS.en).actions[problem.code];
}

/** A problem that still allowed a diagnosis: "Recording warning: …; lower the input gain". */
export function inputWarning(problem: InputProblem, lang: Language): string {
  const w = INPUT_WORDS[lang] ?? INPUT_WORDS.en;
  return w.warning(inputReason(problem, lang), w.shortActions[problem.code]);
}

/** "Judged on 300–3400 Hz: a phone recording; …" (report.judgedBand). */
export function judgedBandText(band: JudgedBand, lang: Language): string {
  return (BAND_WORDS[lang] ?? BAND_WORDS.en)(band);
}

/** What the score means, with the threshold as the reader sees it ("3.4", "3,4"). */
export function scoreScaleText(scale: ScoreScale, threshold: string, lang: Language): string {
  return (INPUT_WORDS[lang] ?? INPUT_WORDS.en).scale(scale, threshold);
}

/** The speed a diagnosis used for a shaft and its source: "spindle 1482 rpm, estimated from …". */
export function renderSpeedUsed(item: SpeedUsedItem, lang: Language): string {
  const render = (SPEED_WORDS[lang] ?? SPEED_WORDS.en)[item.code] as (params: unknown) => string;
  return render(item.params);
}

/** "Outside the speeds of the baseline: spindle at 1921 rpm, the baseline covers …". */
export function outsideSpeedsVerdict(outside: OutsideSpeeds, lang: Language): string {
  return (OUTSIDE_SPEEDS_WORDS[lang] ?? OUTSIDE_SPEEDS_WORDS.en).verdict(outside.params);
}

/** What to do about a recording outside the speeds of its baseline. */
export function outsideSpeedsAction(lang: Language): string {
  return (OUTSIDE_SPEEDS_WORDS[lang] ?? OUTSIDE_SPEEDS_WORDS.en).action;
}

/** "Shaft speeds used:" above the speeds of a text report. */
export function speedsHeading(lang: Language): string {
  return SPEEDS_HEADING[lang] ?? SPEEDS_HEADING.en;
}
