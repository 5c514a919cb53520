/**
 * The statistical model of healthy sound built from several feature sets (docs/diagnosis.md §2):
 * per band and per frequency bin the median, robust spread and maximum of level-normalised
 * levels. Used both for the stored baseline and inside its leave-one-out calibration.
 */
import { aggregateLevels, median, regridLevels, robustSpread } from '../features/levels.ts';
import type { RecordingFeatures } from '../features/types.ts';
import { envelopeFloorDb, modulationFloorDb } from './normalise.ts';
import { temporalModel } from './temporal.ts';
import type { TemporalModel } from './temporal.ts';

export interface LevelStatistics {
  readonly medianDb: readonly number[];
  readonly spreadDb: readonly number[];
  readonly upperDb: readonly number[];
}

export interface BaselineModel {
  /** Lowest sample rate among the healthy recordings, Hz. */
  readonly sampleRateHz: number;
  /** The model is valid up to here (0.45 × the lowest sample rate), Hz. */
  readonly analysedMaxHz: number;
  /** 1/6-octave bands of the fixed grid, gain-normalised, dB. */
  readonly bands: LevelStatistics;
  /** Narrowband PSD, gain-normalised, on bins k·binWidthHz, dB. */
  readonly spectrum: LevelStatistics & { readonly binWidthHz: number };
  /** Envelope spectrum relative to its own median level, dB. */
  readonly envelope: LevelStatistics & { readonly binWidthHz: number };
  /** Median kurtosis of the high-passed pieces and its robust spread. */
  readonly impulsiveness: { readonly kurtosis: number; readonly spread: number };
  readonly itemCount: number;
  /**
   * Modulation spectrum relative to its own median level, dB (features/modulation.ts). Absent
   * when an item lacks it (a piece under 2.6 s), at another bin width, and in older baselines.
   */
  readonly modulation?: LevelStatistics & { readonly binWidthHz: number };
  /**
   * Short-time energy quantiles (temporal.ts). Absent when an item lacks them (under 1 s) and in
   * older baselines.
   */
  readonly temporal?: TemporalModel;
}

/** Per-item gain offsets: each item's median band deviation from the items' median. */
function gainOffsets(items: readonly RecordingFeatures[], bandCount: number): number[] {
  const rows = items.map((f) => f.bandLevelsDb.slice(0, bandCount));
  const { medianDb } = aggregateLevels(rows);
  return rows.map((row) => median(row.map((v, b) => v - medianDb[b])));
}

/** The items' modulation spectra on their own floors, when every item has one on one grid. */
function modulationModel(
  items: readonly RecordingFeatures[],
): (LevelStatistics & { binWidthHz: number }) | null {
  const spectra = items.map((f) => f.modulation);
  const first = spectra[0];
  if (!first || spectra.some((m) => !m || m.binWidthHz !== first.binWidthHz)) return null;
  const bins = Math.min(...spectra.map((m) => m!.levelsDb.length));
  const rows = spectra.map((m) => {
    const floor = modulationFloorDb(m!);
    return m!.levelsDb.slice(0, bins).map((v) => v - floor);
  });
  return { ...aggregateLevels(rows), binWidthHz: first.binWidthHz };
}

/** Builds the model; throws RangeError for an empty list. */
export function buildBaselineModel(items: readonly RecordingFeatures[]): BaselineModel {
  if (items.length === 0) throw new RangeError('buildBaselineModel: no healthy recordings');
  const lowest = items.reduce((a, b) => (b.sampleRateHz < a.sampleRateHz ? b : a));
  const bandCount = Math.min(...items.map((f) => f.bandLevelsDb.length));
  const offsets = gainOffsets(items, bandCount);

  const bands = aggregateLevels(
    items.map((f, i) => f.bandLevelsDb.slice(0, bandCount).map((v) => v - offsets[i])),
  );
  // Finest bin width among the items keeps narrow lines narrow.
  const binWidthHz = Math.min(...items.map((f) => f.spectrum.binWidthHz));
  const binCount = Math.floor(lowest.analysedMaxHz / binWidthHz) + 1;
  const spectrum = aggregateLevels(
    items.map((f, i) =>
      regridLevels(f.spectrum.levelsDb, f.spectrum.binWidthHz, binWidthHz, binCount).map(
        (v) => v - offsets[i],
      ),
    ),
  );
  const envelopeBinWidthHz = Math.min(...items.map((f) => f.envelope.binWidthHz));
  const envelopeBins = Math.min(
    ...items.map(
      (f) =>
        Math.floor(
          ((f.envelope.levelsDb.length - 1) * f.envelope.binWidthHz) / envelopeBinWidthHz,
        ) + 1,
    ),
  );
  const envelope = aggregateLevels(
    items.map((f) => {
      const floor = envelopeFloorDb(f);
      return regridLevels(
        f.envelope.levelsDb,
        f.envelope.binWidthHz,
        envelopeBinWidthHz,
        envelopeBins,
      ).map((v) => v - floor);
    }),
  );
  const itemKurtosis = items.map((f) => median(f.impulsiveness.pieceKurtosis));
  const allPieces = items.flatMap((f) => f.impulsiveness.pieceKurtosis);
  const modulation = modulationModel(items);
  const temporal = temporalModel(items);
  return {
    sampleRateHz: lowest.sampleRateHz,
    analysedMaxHz: lowest.analysedMaxHz,
    bands,
    spectrum: { ...spectrum, binWidthHz },
    envelope: { ...envelope, binWidthHz: envelopeBinWidthHz },
    impulsiveness: {
      kurtosis: median(itemKurtosis),
      spread: Math.max(robustSpread(itemKurtosis), robustSpread(allPieces) / Math.sqrt(3)),
    },
    itemCount: items.length,
    ...(modulation ? { modulation } : {}),
    ...(temporal ? { temporal } : {}),
  };
}
