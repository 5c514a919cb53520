/**
 * Compares a recording's features with a baseline model (docs/diagnosis.md §3): shared band,
 * gain, then four scores in robust z-units — band shape, narrowband peaks, envelope lines and
 * impulsiveness. The anomaly score is the largest of them.
 */
import { bandCentreHz } from '../features/bandGrid.ts';
import { median } from '../features/levels.ts';
import type { RecordingFeatures } from '../features/types.ts';
import { narrowCommonBand } from './commonBand.ts';
import type { CommonBand } from './commonBand.ts';
import { COMPARISON } from './comparisonSettings.ts';
import { healthyAt } from './healthyReference.ts';
import type { HealthyLevels } from './healthyReference.ts';
import { localPeaks } from './localPeaks.ts';
import type { BaselineModel } from './model.ts';
import { modulationFloorDb } from './normalise.ts';
import { compareTemporal } from './temporal.ts';
import type { TemporalExcess } from './temporal.ts';

export interface BandDeviation {
  readonly centreHz: number;
  /** Level over the baseline median after removing the gain offset, dB. */
  readonly deviationDb: number;
  readonly z: number;
}

export interface LineExcess {
  readonly frequencyHz: number;
  /** Level over the highest healthy level near this frequency, dB. */
  readonly excessDb: number;
  /** Height over the recording's own local floor, dB. */
  readonly prominenceDb: number;
  readonly z: number;
}

export interface ModulationExcess {
  readonly frequencyHz: number;
  /** Level over the highest healthy level at this modulation frequency, dB. */
  readonly excessDb: number;
  readonly z: number;
}

export interface Comparison {
  readonly gainDb: number;
  /** The frequency range compared: both recordings cover it. */
  readonly sharedBandHz: readonly [number, number];
  /**
   * Set when the recording's band is narrower than the baseline's (a phone): the verdict rests
   * on this band alone, with levels relative to its own total (the phone's gain control).
   */
  readonly narrowBandHz?: readonly [number, number];
  readonly bands: readonly BandDeviation[];
  readonly peaks: readonly LineExcess[];
  readonly envelopeLines: readonly LineExcess[];
  readonly impulsiveness: {
    readonly kurtosis: number;
    readonly baselineKurtosis: number;
    readonly z: number;
  };
  /** Modulation frequencies whose energy swings more than healthy (modulation.ts), worst first. */
  readonly modulationLines: readonly ModulationExcess[];
  /** Each short-time energy family's quantile that moved most (temporal.ts). */
  readonly temporalLines: readonly TemporalExcess[];
  readonly scores: {
    readonly band: number;
    readonly peak: number;
    readonly envelope: number;
    readonly impulse: number;
    readonly modulation: number;
    /** |z| of the 10 ms and 2.5 ms frame quantiles: thresholds of their own, as modulation. */
    readonly beats: number;
    readonly knocks: number;
  };
  readonly anomalyScore: number;
}

/** Band positions both cover, trimmed at the ends where the recording is far below the shape. */
function sharedBands(raw: readonly number[], model: BaselineModel): number[] {
  const count = Math.min(raw.length, model.bands.medianDb.length);
  const positions = Array.from({ length: count }, (_, b) => b);
  const d = positions.map((b) => raw[b] - model.bands.medianDb[b]);
  const centre = median(d);
  let first = 0;
  let last = count - 1;
  while (first < last && d[first] < centre - COMPARISON.bandTrimDb) first++;
  while (last > first && d[last] < centre - COMPARISON.bandTrimDb) last--;
  return positions.slice(first, last + 1);
}

function compareBands(features: RecordingFeatures, model: BaselineModel, positions: number[]) {
  const gainDb = median(positions.map((b) => features.bandLevelsDb[b] - model.bands.medianDb[b]));
  const bands = positions.map((b) => {
    const deviationDb = features.bandLevelsDb[b] - model.bands.medianDb[b] - gainDb;
    const spread = Math.max(model.bands.spreadDb[b], COMPARISON.bandSpreadFloorDb);
    return { centreHz: bandCentreHz(b), deviationDb, z: deviationDb / spread };
  });
  const top = bands.map((b) => Math.max(0, b.z)).sort((a, b) => b - a);
  const n = Math.min(COMPARISON.bandScoreTopCount, top.length);
  const score = n ? top.slice(0, n).reduce((s, z) => s + z, 0) / n : 0;
  return { gainDb, bands, score };
}

/**
 * Prominent lines of a recording's spectrum (its own grid, dB) against the healthy levels near
 * each: by level (`offsetDb` puts the recording on the model's scale) or, for envelope spectra
 * that share no level scale, by prominence.
 */
function compareLines(
  levels: readonly number[],
  binWidthHz: number,
  healthy: HealthyLevels,
  range: readonly [number, number],
  mode: { compareBy: 'level'; offsetDb: number } | { compareBy: 'prominence' },
  minProminenceDb: number,
): { lines: LineExcess[]; score: number } {
  const lines: LineExcess[] = [];
  for (const peak of localPeaks(levels, binWidthHz, range, minProminenceDb)) {
    const halfWidthHz = Math.max(
      COMPARISON.lineToleranceBins * healthy.binWidthHz,
      peak.frequencyHz * COMPARISON.speedToleranceFraction,
    );
    const ref = healthyAt(healthy, peak.frequencyHz, halfWidthHz);
    const excessDb =
      mode.compareBy === 'level'
        ? peak.levelDb + mode.offsetDb - ref.upperDb
        : peak.prominenceDb - ref.prominenceDb;
    if (!Number.isFinite(excessDb)) continue;
    const spread = Math.max(ref.spreadDb, COMPARISON.lineSpreadFloorDb);
    lines.push({
      frequencyHz: peak.frequencyHz,
      excessDb,
      prominenceDb: peak.prominenceDb,
      z: excessDb / spread,
    });
  }
  lines.sort((a, b) => b.z - a.z || a.frequencyHz - b.frequencyHz);
  return { lines, score: Math.max(0, ...lines.map((l) => l.z)) };
}

/**
 * Envelope lines can be judged only when the recording's demodulation band lies inside the common
 * band: a decoded phone file's envelope of codec noise above 3400 Hz says nothing of the machine.
 */
function envelopeJudgeable(features: RecordingFeatures, narrow: CommonBand | null): boolean {
  if (!narrow) return true;
  return features.envelope.lowHz >= narrow.lowHz && features.envelope.highHz <= narrow.highHz * 1.1;
}

/**
 * The modulation spectrum against the healthy one, bin by bin, on each one's own floor: a rhythm
 * 0.4 Hz off the healthy one is one bin away, so no tolerance around a bin. Nothing to judge when
 * either side lacks it, they differ in grid, or through a phone (a narrowed band), whose
 * automatic gain, compression and silence gating (DTX) swing the level themselves.
 */
function compareModulation(
  features: RecordingFeatures,
  model: BaselineModel,
  narrow: CommonBand | null,
): { lines: ModulationExcess[]; score: number } {
  const own = features.modulation;
  const healthy = model.modulation;
  if (narrow || !own || !healthy || own.binWidthHz !== healthy.binWidthHz) {
    return { lines: [], score: 0 };
  }
  const floor = modulationFloorDb(own);
  const first = Math.ceil(COMPARISON.minModulationHz / own.binWidthHz);
  const last = Math.min(own.levelsDb.length, healthy.medianDb.length) - 1;
  const lines: ModulationExcess[] = [];
  for (let k = first; k <= last; k++) {
    const frequencyHz = k * own.binWidthHz;
    const excessDb = own.levelsDb[k] - floor - healthy.upperDb[k];
    const z = excessDb / Math.max(healthy.spreadDb[k], COMPARISON.modulationSpreadFloorDb);
    if (z > 0) lines.push({ frequencyHz, excessDb, z });
  }
  lines.sort((a, b) => b.z - a.z || a.frequencyHz - b.frequencyHz);
  return { lines: lines.slice(0, 5), score: lines.length ? lines[0].z : 0 };
}

/** Compares `features` with `model`. Pure and deterministic. */
export function compareWithBaseline(features: RecordingFeatures, model: BaselineModel): Comparison {
  const narrow = narrowCommonBand(features, model);
  const positions = narrow ? [...narrow.positions] : sharedBands(features.bandLevelsDb, model);
  const band = compareBands(features, model, positions);
  const lowHz = positions.length ? bandCentreHz(positions[0]) / 2 ** (1 / 12) : 0;
  const highHz = Math.min(
    features.analysedMaxHz,
    model.analysedMaxHz,
    positions.length ? bandCentreHz(positions[positions.length - 1]) * 2 ** (1 / 12) : 0,
  );

  // A tone's PSD level scales with 1/binWidth: put the recording on the model's scale.
  const offsetDb =
    10 * Math.log10(features.spectrum.binWidthHz / model.spectrum.binWidthHz) - band.gainDb;
  const peak = compareLines(
    features.spectrum.levelsDb,
    features.spectrum.binWidthHz,
    model.spectrum,
    [Math.max(COMPARISON.minLineHz, lowHz), highHz],
    { compareBy: 'level', offsetDb },
    COMPARISON.peakMinProminenceDb,
  );
  const envelopeTopHz = Math.min(
    (model.envelope.medianDb.length - 1) * model.envelope.binWidthHz,
    (features.envelope.levelsDb.length - 1) * features.envelope.binWidthHz,
  );
  const envelope = envelopeJudgeable(features, narrow)
    ? compareLines(
        features.envelope.levelsDb,
        features.envelope.binWidthHz,
        model.envelope,
        [COMPARISON.minEnvelopeLineHz, envelopeTopHz],
        { compareBy: 'prominence' },
        COMPARISON.envelopeMinProminenceDb,
      )
    : { lines: [], score: 0 };

  const kurtosis = median(features.impulsiveness.pieceKurtosis);
  const impulseZ =
    (kurtosis - model.impulsiveness.kurtosis) /
    Math.max(model.impulsiveness.spread, COMPARISON.kurtosisSpreadFloor);
  const modulation = compareModulation(features, model, narrow);
  // Through a phone, automatic gain and compression reshape short-time energy: not judged.
  const temporal = compareTemporal(features, narrow ? undefined : model.temporal);
  const scores = {
    band: band.score,
    peak: peak.score,
    envelope: envelope.score,
    impulse: Math.max(0, impulseZ),
    modulation: modulation.score,
    beats: temporal.scores.beats,
    knocks: temporal.scores.knocks,
  };
  return {
    gainDb: band.gainDb,
    sharedBandHz: [lowHz, highHz],
    ...(narrow ? { narrowBandHz: [lowHz, highHz] as const } : {}),
    bands: band.bands,
    peaks: peak.lines,
    envelopeLines: envelope.lines,
    impulsiveness: { kurtosis, baselineKurtosis: model.impulsiveness.kurtosis, z: impulseZ },
    modulationLines: modulation.lines,
    temporalLines: temporal.lines,
    scores,
    // Modulation, beats and knocks have thresholds of their own (signature.ts): see diagnose.ts.
    anomalyScore: Math.max(scores.band, scores.peak, scores.envelope, scores.impulse),
  };
}
