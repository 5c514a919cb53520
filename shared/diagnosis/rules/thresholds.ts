/** Thresholds of the diagnosis rules (docs/diagnosis.md §4): data, not scattered literals. */
export const RULES = {
  /** Narrowband lines are searched this far around a shaft-speed-bound frequency. */
  speedToleranceFraction: 0.035,
  /** Defect lines in the envelope sit 1–2 % off their kinematic value (slip). */
  defectToleranceFraction: 0.025,
  lineToleranceBins: 1.5,
  floorHalfWidthBins: 12,
  spectrumLineProminenceDb: 6,
  envelopeLineProminenceDb: 6,
  /** A line this far above the healthy maximum is abnormal. */
  raisedLineDb: 6,
  /** Harmonics of a defect frequency looked for in the envelope spectrum. */
  defectHarmonics: 4,
  /** Impulsiveness (z over the baseline's piece kurtosis) that counts as impacts. */
  impulsiveZ: 3,
  /** Without a baseline: high-passed kurtosis above this is impulsive (Gaussian 3). */
  impulsiveKurtosis: 4.5,
  /** The high-frequency floor starts here (Hz) and counts as raised at this mean deviation. */
  highFrequencyFromHz: 2000,
  raisedFloorDb: 3,
  /** Chatter: a new line this far over the healthy maximum that no kinematic frequency explains. */
  chatterExcessDb: 10,
  /**
   * The floor under a chatter line is the median level within ± this fraction of its frequency
   * (±5 %: a few hundred bins, which the lines of a ringing mode do not move); the line must rise
   * chatterExcessDb over the healthy maximum beyond that floor's own rise.
   */
  chatterFloorFraction: 0.05,
  /**
   * Chatter sits within ± this fraction of a structural mode: regenerative chatter locks a few
   * per cent above the mode it feeds on (the simulator: 5 %), a mode moves a few per cent with
   * the set-up (workpiece, clamping, temperature), and a mode found in the baseline is placed to
   * about 1 % (docs/diagnosis.md, "Chatter").
   */
  chatterModeFraction: 0.15,
  /**
   * Another part of the same bearing without lines of its own whose whole family is this strong
   * against the winning part's (summed prominences): the two share their lines, the part cannot
   * be told.
   */
  partUncertainRatio: 0.8,
  /**
   * A bearing's part is named only with impacts to place: the demodulated band's spectral
   * kurtosis this high (bearing faults of the simulator, laptop or phone: 1.6–4.4; CWRU races:
   * 1.7–14; the CWRU ball record, not impulsive: 0.09), or impulsiveness over the baseline's.
   */
  placingSpectralKurtosis: 1,
  /** Another part's own lines must reach within this of the winning part's strongest line, dB. */
  partDominanceDb: 10,
  /** Without a baseline every confidence is scaled by this. */
  noBaselineConfidenceFactor: 0.5,
  /** Causes below this confidence are not reported. */
  minConfidence: 0.2,
  /** Severity limits on the excess over the machine's own baseline, dB. */
  severityDb: { moderate: 6, serious: 12, extreme: 20 },
} as const;
