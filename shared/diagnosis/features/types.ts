/** What the engine keeps of a recording: plain JSON data (docs/diagnosis.md §1). */
export interface RecordingFeatures {
  readonly formatVersion: 1;
  readonly sampleRateHz: number;
  readonly durationSeconds: number;
  /** Spectra are meaningful up to here (0.45 · sample rate). */
  readonly analysedMaxHz: number;
  /** Narrowband Welch PSD, bins k·binWidthHz from 0 to analysedMaxHz, dB re 1 unit²/Hz. */
  readonly spectrum: { readonly binWidthHz: number; readonly levelsDb: readonly number[] };
  /** Mean PSD per 1/6-octave band of the fixed grid (bandGrid.ts), dB re 1 unit²/Hz. */
  readonly bandLevelsDb: readonly number[];
  /** Envelope amplitude spectrum of the band-passed signal, dB re 1 unit, 0..envelopeMaxHz. */
  readonly envelope: {
    readonly lowHz: number;
    readonly highHz: number;
    /** Spectral kurtosis of the chosen band (0 for Gaussian noise). */
    readonly spectralKurtosis: number;
    readonly significant: boolean;
    readonly binWidthHz: number;
    readonly levelsDb: readonly number[];
  };
  readonly statistics: {
    readonly rms: number;
    readonly peak: number;
    readonly crestFactor: number;
    /** Pearson kurtosis (Gaussian 3). */
    readonly kurtosis: number;
  };
  /** Kurtosis of the high-passed signal in consecutive pieces of the recording. */
  readonly impulsiveness: {
    readonly highPassHz: number;
    readonly pieceKurtosis: readonly number[];
  };
  /**
   * Modulation spectrum of the energy above the impulsiveness high-pass (modulation.ts): absent
   * for recordings under 2.6 s and in features computed before it existed.
   */
  readonly modulation?: { readonly binWidthHz: number; readonly levelsDb: readonly number[] };
  /**
   * Upper quantiles of the ~10 ms and ~2.5 ms frame energies above the high-pass over their
   * median, dB (frameEnergy.ts): absent for recordings under 1 s and in features made before.
   */
  readonly temporal?: {
    readonly frameQuantilesDb: readonly number[];
    readonly shortFrameQuantilesDb: readonly number[];
  };
}
