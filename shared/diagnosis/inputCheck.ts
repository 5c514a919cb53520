/**
 * The input check that runs before any diagnosis: is there a usable signal at all? Silence, a
 * dead or disconnected microphone, a level too close to the format's quantisation, too short for
 * the baseline's resolution, heavy clipping, dropouts or a device's automatic gain each give a
 * verdict of their own ("no usable signal", with what to do) instead of a machine fault; a little
 * clipping, a DC offset or one dropout still allow a diagnosis and travel with it as warnings.
 * Pure: the survey (signalSurvey.ts) and the features are measured elsewhere.
 */
import type { BaselineModel } from './baseline/model.ts';
import type { RecordingFeatures } from './features/types.ts';
import { LEVEL_FRAME_SECONDS } from './signalSurvey.ts';
import type { SignalSurvey } from './signalSurvey.ts';

export const INPUT_LIMITS = {
  /**
   * Below this RMS (dB re full scale) there is no microphone signal: a disconnected input or a
   * muted device gives its converter's own noise, −90…−100 dBFS, while even a quiet workshop
   * through a typical microphone (−40 dBV/Pa) sits above −75 dBFS.
   */
  deadLevelDb: -80,
  /**
   * PCM needs this much level over its quantisation noise (step/√12): lines must stand 10 dB out
   * of a floor that itself stands clear of the quantisation (16 bit: −71 dBFS).
   */
  minOverQuantizationDb: 30,
  /**
   * Clipped fractions: a few isolated overloads (a knock on the microphone) are a warning; once
   * 1 % of the samples sit at the rail, the largest samples — the impacts that kurtosis and the
   * envelope read — are the ones cut off, so impact evidence is unreliable.
   */
  clippedWarningFraction: 1e-4,
  clippedUnusableFraction: 0.01,
  /**
   * An offset costs headroom only (the spectra remove the mean): warn when it is larger than the
   * signal itself, or takes a tenth of the full scale of a PCM recording.
   */
  dcOverAcRatio: 1,
  dcFullScaleFraction: 0.1,
  /** Dropouts: each is two steps (clicks); from three, or 1 % of the time, they dominate. */
  dropoutUnusableCount: 3,
  dropoutUnusableFraction: 0.01,
  /**
   * Automatic gain: the level floor (20th percentile of the 50 ms frame levels in each second)
   * stays put from second to second whatever bursts ride on it — the floors of the simulator's
   * healthy and faulty lathe spread by at most 1.3 dB (90th − 10th percentile), those of a real
   * fan (the DCASE recordings) by at most 3.2 dB — while a device's gain control pulls the floor
   * down after every loud moment and lets it creep back, by 10 dB and more. A warning from 6 dB,
   * unusable from 10 dB.
   */
  gainFloorBlockSeconds: 1,
  gainFloorPercentile: 0.2,
  gainWarningDb: 6,
  gainUnusableDb: 10,
  /** The floor spread needs this many seconds to mean anything. */
  gainMinBlocks: 4,
  /**
   * A recording whose spectra come out more than twice as coarse as the baseline's cannot be
   * compared line for line with it.
   */
  resolutionFactor: 2,
} as const;

export interface InputProblemParams {
  'digital-silence': { readonly durationSeconds: number };
  'dead-microphone': { readonly levelDb: number; readonly minLevelDb: number };
  'too-quiet': { readonly levelDb: number; readonly minLevelDb: number };
  'too-short': { readonly durationSeconds: number; readonly minSeconds: number };
  clipping: { readonly clippedPercent: number };
  dropouts: { readonly count: number; readonly longestSeconds: number };
  'automatic-gain': { readonly floorSpreadDb: number };
  'dc-offset': { readonly offset: number; readonly acRms: number };
}

export type InputProblemCode = keyof InputProblemParams;
export type InputSeverity = 'unusable' | 'warning';

export type InputProblem = {
  readonly [C in InputProblemCode]: {
    readonly code: C;
    readonly severity: InputSeverity;
    readonly params: InputProblemParams[C];
  };
}[InputProblemCode];

export interface InputCheck {
  /** False: no diagnosis was made; the problems say why and what to do. */
  readonly usable: boolean;
  /** Unusable problems first, then warnings. */
  readonly problems: readonly InputProblem[];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function db(amplitude: number): number {
  return round2(20 * Math.log10(Math.max(amplitude, 1e-15)));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** The spread of the per-second level floors, dB; null for a recording too short to tell. */
export function gainFloorSpreadDb(framePower: readonly number[]): number | null {
  const perBlock = Math.round(INPUT_LIMITS.gainFloorBlockSeconds / LEVEL_FRAME_SECONDS);
  const floors: number[] = [];
  for (let at = 0; at + perBlock <= framePower.length; at += perBlock) {
    // Frames of exact zeros are pauses or dropouts (checked on their own), not a level.
    const levels = framePower
      .slice(at, at + perBlock)
      .filter((p) => p > 0)
      .map((p) => 10 * Math.log10(p))
      .sort((a, b) => a - b);
    if (levels.length > perBlock / 2) {
      floors.push(percentile(levels, INPUT_LIMITS.gainFloorPercentile));
    }
  }
  if (floors.length < INPUT_LIMITS.gainMinBlocks) return null;
  floors.sort((a, b) => a - b);
  return percentile(floors, 0.9) - percentile(floors, 0.1);
}

/** No signal at all, or one too weak to read: nothing else is worth checking then. */
function levelProblems(survey: SignalSurvey): InputProblem[] {
  const durationSeconds = round2(survey.frameCount / survey.sampleRateHz);
  if (survey.acRms === 0) {
    return [{ code: 'digital-silence', severity: 'unusable', params: { durationSeconds } }];
  }
  const levelDb = db(survey.acRms);
  if (levelDb < INPUT_LIMITS.deadLevelDb) {
    const params = { levelDb, minLevelDb: INPUT_LIMITS.deadLevelDb };
    return [{ code: 'dead-microphone', severity: 'unusable', params }];
  }
  if (survey.quantizationStep !== null) {
    const minLevelDb = round2(
      db(survey.quantizationStep / Math.sqrt(12)) + INPUT_LIMITS.minOverQuantizationDb,
    );
    if (levelDb < minLevelDb) {
      return [{ code: 'too-quiet', severity: 'unusable', params: { levelDb, minLevelDb } }];
    }
  }
  return [];
}

function clippingProblem(survey: SignalSurvey): InputProblem[] {
  const fraction = survey.clippedFrames / survey.frameCount;
  if (!(fraction >= INPUT_LIMITS.clippedWarningFraction)) return [];
  const severity = fraction >= INPUT_LIMITS.clippedUnusableFraction ? 'unusable' : 'warning';
  return [{ code: 'clipping', severity, params: { clippedPercent: round2(100 * fraction) } }];
}

function dropoutProblem(survey: SignalSurvey): InputProblem[] {
  const { count, frames, longestFrames } = survey.dropouts;
  if (count === 0) return [];
  const unusable =
    count >= INPUT_LIMITS.dropoutUnusableCount ||
    frames / survey.frameCount >= INPUT_LIMITS.dropoutUnusableFraction;
  const longestSeconds = Math.round((1000 * longestFrames) / survey.sampleRateHz) / 1000;
  return [
    {
      code: 'dropouts',
      severity: unusable ? 'unusable' : 'warning',
      params: { count, longestSeconds },
    },
  ];
}

function gainProblem(survey: SignalSurvey): InputProblem[] {
  const spread = gainFloorSpreadDb(survey.framePower);
  if (spread === null || spread < INPUT_LIMITS.gainWarningDb) return [];
  const severity = spread >= INPUT_LIMITS.gainUnusableDb ? 'unusable' : 'warning';
  return [{ code: 'automatic-gain', severity, params: { floorSpreadDb: round2(spread) } }];
}

function dcProblem(survey: SignalSurvey): InputProblem[] {
  const offset = Math.abs(survey.mean);
  const large =
    offset > INPUT_LIMITS.dcOverAcRatio * survey.acRms ||
    (survey.quantizationStep !== null && offset >= INPUT_LIMITS.dcFullScaleFraction);
  if (!large) return [];
  const params = {
    offset: Number(survey.mean.toPrecision(4)),
    acRms: Number(survey.acRms.toPrecision(4)),
  };
  return [{ code: 'dc-offset', severity: 'warning', params }];
}

/**
 * Whether the recording is fine enough for the baseline it is compared with: its spectra must
 * not come out more than INPUT_LIMITS.resolutionFactor times coarser than the baseline's.
 */
export function resolutionProblems(
  features: RecordingFeatures,
  model: BaselineModel | null,
): InputProblem[] {
  if (!model) return [];
  const factor = INPUT_LIMITS.resolutionFactor * (1 + 1e-9);
  const coarse =
    features.spectrum.binWidthHz > factor * model.spectrum.binWidthHz ||
    features.envelope.binWidthHz > factor * model.envelope.binWidthHz;
  if (!coarse) return [];
  // Welch keeps a bin width b with 4 (spectrum) or 3 (envelope) half-overlapping segments of
  // 1/b s: 2.5/b and 2/b s; at the factor-two limit, half of that.
  const minSeconds = Math.max(1.25 / model.spectrum.binWidthHz, 1 / model.envelope.binWidthHz);
  const params = {
    durationSeconds: round2(features.durationSeconds),
    minSeconds: Math.ceil(10 * minSeconds) / 10,
  };
  return [{ code: 'too-short', severity: 'unusable', params }];
}

/** The check of a surveyed recording (with its resolution problems, if any, from the caller). */
export function checkInput(
  survey: SignalSurvey | null,
  resolution: readonly InputProblem[] = [],
): InputCheck {
  const level = survey ? levelProblems(survey) : [];
  const rest =
    survey && level.length === 0
      ? [
          ...clippingProblem(survey),
          ...dropoutProblem(survey),
          ...gainProblem(survey),
          ...dcProblem(survey),
        ]
      : [];
  const all = [...level, ...resolution, ...rest];
  const problems = [
    ...all.filter((p) => p.severity === 'unusable'),
    ...all.filter((p) => p.severity === 'warning'),
  ];
  return { usable: problems.every((p) => p.severity !== 'unusable'), problems };
}
