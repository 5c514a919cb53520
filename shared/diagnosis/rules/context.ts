/**
 * What every diagnosis rule sees: the recording's spectra on one scale, the baseline's healthy
 * levels, the characteristic frequencies, and measurements of a line at a given frequency.
 */
import type { Comparison } from '../baseline/compare.ts';
import type { BaselineModel } from '../baseline/model.ts';
import { healthyAt } from '../baseline/healthyReference.ts';
import type { HealthyLevels } from '../baseline/healthyReference.ts';
import type { CharacteristicFrequency } from '../characteristicFrequencies.ts';
import { median } from '../features/levels.ts';
import type { RecordingFeatures } from '../features/types.ts';
import type { MachineProfile } from '../profile.ts';
import { RULES } from './thresholds.ts';

export interface LineMeasure {
  readonly expectedHz: number;
  /** Where the strongest bin within the tolerance is, Hz. */
  readonly frequencyHz: number;
  readonly levelDb: number;
  /** Over the median of the surrounding bins, dB. */
  readonly prominenceDb: number;
  /** Over the healthy maximum near this frequency; without a baseline, the prominence. */
  readonly excessDb: number;
  /** Prominent enough to count as a line. */
  readonly present: boolean;
}

export interface RuleContext {
  readonly features: RecordingFeatures;
  readonly comparison: Comparison | null;
  readonly hasBaseline: boolean;
  readonly profile: MachineProfile | null;
  readonly frequencies: readonly CharacteristicFrequency[];
  /** Highest frequency both spectra cover, Hz. */
  readonly maxLineHz: number;
  /**
   * The machine's structural modes, Hz: the profile's, else those found in the baseline; empty
   * when none is known, null for a baseline made before modes were kept (chatter as it was).
   */
  readonly structuralModesHz: readonly number[] | null;
  /** A line of the narrowband spectrum near `frequencyHz`. */
  spectrumLine(frequencyHz: number, toleranceFraction?: number): LineMeasure;
  /** A line of the envelope spectrum near `frequencyHz`. */
  envelopeLine(frequencyHz: number, toleranceFraction?: number): LineMeasure;
  /**
   * How far the recording's broadband floor around `frequencyHz` (the median level within
   * ±`halfWidthFraction`, gain removed) sits over the healthy floor there, dB; 0 without a
   * baseline. A median over many bins ignores a few lines: this is the noise a line stands on.
   */
  spectrumFloorRise(frequencyHz: number, halfWidthFraction: number): number;
}

interface Scale {
  /** The recording's own levels and grid, dB. */
  readonly levels: readonly number[];
  readonly binWidthHz: number;
  readonly healthy: HealthyLevels | null;
  /**
   * 'level': excess = level + offsetDb − healthy maximum (the gain-normalised spectrum).
   * 'prominence': excess = prominence − the healthy spectrum's prominence there (envelope spectra
   * demodulated in different bands share no level scale, only shape).
   */
  readonly compareBy: 'level' | 'prominence';
  readonly offsetDb: number;
  readonly minProminenceDb: number;
}

const ABSENT = { frequencyHz: 0, levelDb: -300, prominenceDb: 0, excessDb: 0, present: false };

function measure(scale: Scale, expectedHz: number, toleranceFraction: number): LineMeasure {
  const { levels, binWidthHz } = scale;
  const centre = expectedHz / binWidthHz;
  if (!(centre >= 1 && centre < levels.length - 1))
    return { ...ABSENT, expectedHz, frequencyHz: expectedHz };
  const halfWidth = Math.max(RULES.lineToleranceBins, centre * toleranceFraction);
  const first = Math.max(1, Math.floor(centre - halfWidth));
  const last = Math.min(levels.length - 1, Math.ceil(centre + halfWidth));
  let best = first;
  for (let k = first; k <= last; k++) if (levels[k] > levels[best]) best = k;
  const floorHalf = Math.max(RULES.floorHalfWidthBins, Math.ceil(halfWidth) + 4);
  const around = levels.slice(Math.max(0, best - floorHalf), best + floorHalf + 1);
  const prominenceDb = levels[best] - median(around.filter(Number.isFinite));
  const isPeak = best > first && best < last;
  let excessDb = prominenceDb;
  if (scale.healthy) {
    const ref = healthyAt(scale.healthy, expectedHz, halfWidth * binWidthHz);
    excessDb =
      scale.compareBy === 'level'
        ? levels[best] + scale.offsetDb - ref.upperDb
        : prominenceDb - ref.prominenceDb;
  }
  return {
    expectedHz,
    frequencyHz: best * binWidthHz,
    levelDb: levels[best],
    prominenceDb,
    excessDb: Number.isFinite(excessDb) ? excessDb : 0,
    present: isPeak && prominenceDb >= scale.minProminenceDb,
  };
}

function medianAround(levels: readonly number[], centre: number, halfWidth: number): number {
  const first = Math.max(0, Math.floor(centre - halfWidth));
  const window = levels.slice(first, Math.min(levels.length, Math.ceil(centre + halfWidth) + 1));
  return median(window.filter(Number.isFinite));
}

/** The floor rise of spectrumFloorRise: a floor's PSD does not scale with the bin width. */
function floorRise(scale: Scale, gainDb: number, frequencyHz: number, fraction: number): number {
  if (!scale.healthy) return 0;
  const own = medianAround(
    scale.levels,
    frequencyHz / scale.binWidthHz,
    (fraction * frequencyHz) / scale.binWidthHz,
  );
  const healthyBin = scale.healthy.binWidthHz;
  const healthy = medianAround(
    scale.healthy.medianDb,
    frequencyHz / healthyBin,
    (fraction * frequencyHz) / healthyBin,
  );
  const rise = own - gainDb - healthy;
  return Number.isFinite(rise) ? rise : 0;
}

export function createRuleContext(input: {
  features: RecordingFeatures;
  comparison: Comparison | null;
  model: BaselineModel | null;
  profile: MachineProfile | null;
  frequencies: readonly CharacteristicFrequency[];
  structuralModesHz?: readonly number[] | null;
}): RuleContext {
  const { features, comparison, model } = input;
  const spectrum: Scale = {
    levels: features.spectrum.levelsDb,
    binWidthHz: features.spectrum.binWidthHz,
    healthy: model ? model.spectrum : null,
    compareBy: 'level',
    // A tone's PSD level scales with 1/binWidth: put the recording on the model's scale.
    offsetDb: model
      ? 10 * Math.log10(features.spectrum.binWidthHz / model.spectrum.binWidthHz) -
        (comparison?.gainDb ?? 0)
      : 0,
    minProminenceDb: RULES.spectrumLineProminenceDb,
  };
  const envelope: Scale = {
    levels: features.envelope.levelsDb,
    binWidthHz: features.envelope.binWidthHz,
    healthy: model ? model.envelope : null,
    compareBy: 'prominence',
    offsetDb: 0,
    minProminenceDb: RULES.envelopeLineProminenceDb,
  };
  const maxLineHz = comparison
    ? comparison.sharedBandHz[1]
    : Math.min(features.analysedMaxHz, (spectrum.levels.length - 1) * spectrum.binWidthHz);
  return {
    features,
    comparison,
    hasBaseline: model !== null,
    profile: input.profile,
    frequencies: input.frequencies,
    maxLineHz,
    structuralModesHz: input.structuralModesHz ?? null,
    spectrumLine: (hz, tolerance = RULES.speedToleranceFraction) =>
      measure(spectrum, hz, tolerance),
    envelopeLine: (hz, tolerance = RULES.defectToleranceFraction) =>
      measure(envelope, hz, tolerance),
    spectrumFloorRise: (hz, fraction) => floorRise(spectrum, comparison?.gainDb ?? 0, hz, fraction),
  };
}
