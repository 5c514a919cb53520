/**
 * What a technician should know about a recording before opening it, as codes and numbers the
 * page words in its language: the warnings stored when it entered the library (a file cut off),
 * and whether it is long enough to analyse (derived from its duration, so it follows the
 * analysis minimum and holds for recordings listed before warnings were stored).
 */
import { ANALYSIS } from '../diagnosis/features/settings.ts';
import type { RecordingSummary, RecordingWarning } from './contract.ts';
import type { WavInfo } from '../audio/wavReader.ts';

export type RecordingNoticeCode = RecordingWarning['code'] | 'too-short';

export interface RecordingNotice {
  readonly code: RecordingNoticeCode;
  /** Seconds with their unit in the name: durationSeconds, declaredDurationSeconds, minSeconds. */
  readonly params: Readonly<Record<string, number>>;
}

/** Every notice code, each with a sentence in every language of the page. */
export const RECORDING_NOTICE_CODES: readonly RecordingNoticeCode[] = ['cut-off', 'too-short'];

/** The warnings to store for a recording whose WAV header reads as `info`. */
export function wavWarnings(
  info: Pick<WavInfo, 'durationSeconds' | 'declaredDurationSeconds'>,
): RecordingWarning[] {
  if (info.declaredDurationSeconds === null) return [];
  return [
    {
      code: 'cut-off',
      params: {
        durationSeconds: info.durationSeconds,
        declaredDurationSeconds: info.declaredDurationSeconds,
      },
    },
  ];
}

/** True when `durationSeconds` is too short for any analysis (docs/diagnosis.md §1). */
export function isTooShortToAnalyse(durationSeconds: number): boolean {
  return durationSeconds < ANALYSIS.minDurationSeconds;
}

/** The notice of a stretch or recording too short to analyse, or null when it is long enough. */
export function tooShortNotice(durationSeconds: number): RecordingNotice | null {
  if (!isTooShortToAnalyse(durationSeconds)) return null;
  return {
    code: 'too-short',
    params: { durationSeconds, minSeconds: ANALYSIS.minDurationSeconds },
  };
}

/** Everything to show on a recording's row: its stored warnings, then too-short if it is. */
export function recordingNotices(
  recording: Pick<RecordingSummary, 'durationSeconds' | 'warnings'>,
): RecordingNotice[] {
  const short = tooShortNotice(recording.durationSeconds);
  return [...recording.warnings, ...(short === null ? [] : [short])];
}

/** The stored warnings read back: only well-formed ones with a known code survive. */
export function warningsFromJson(value: unknown): RecordingWarning[] {
  if (!Array.isArray(value)) return [];
  const warnings: RecordingWarning[] = [];
  for (const entry of value as unknown[]) {
    const { code, params } = (entry ?? {}) as Record<string, unknown>;
    if (code !== 'cut-off' || typeof params !== 'object' || params === null) continue;
    const numbers: Record<string, number> = {};
    for (const [key, number] of Object.entries(params)) {
      if (typeof number === 'number' && Number.isFinite(number)) numbers[key] = number;
    }
    warnings.push({ code, params: numbers });
  }
  return warnings;
}
