/** Analysis settings of the feature extraction (docs/diagnosis.md §1); one place, not literals. */
export const ANALYSIS = {
  /** Shorter recordings cannot give a stable spectrum. */
  minDurationSeconds: 0.5,
  /** Spectra are used up to this fraction of the sample rate (below the anti-alias roll-off). */
  usableBandFraction: 0.45,
  /** Narrowband PSD segment: the power of two at or above this, Δf ≤ 1.7 Hz. */
  spectrumSegmentSeconds: 0.6,
  /** Envelope-spectrum segment: about 1 Hz resolution for defect lines. */
  envelopeSegmentSeconds: 1.0,
  /** Hilbert frame of the block-wise envelope (an eighth of it is discarded at each side). */
  envelopeFrameLength: 32768,
  /** A range starts its causal filters this long before its first frame, so they have settled. */
  filterSettleSeconds: 0.02,
  /** Envelope spectra are kept up to this frequency. */
  envelopeMaxHz: 1000,
  /** Seconds at the start used to choose the demodulation band by spectral kurtosis. */
  bandSelectionSeconds: 10,
  /** The demodulation band starts above this (below it, shaft tones dominate any envelope). */
  demodulationMinHz: 500,
  /** A demodulation band must hold a defect's harmonics and sidebands. */
  demodulationMinBandwidthHz: 800,
  /** Impulsiveness is measured above this frequency, where impacts ring and tones do not. */
  impulseHighPassHz: 1000,
  /** Pieces for per-piece statistics: about this long, at least minPieces, at most maxPieces. */
  pieceSeconds: 1,
  minPieces: 6,
  maxPieces: 120,
} as const;
