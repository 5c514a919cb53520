/** Settings of the baseline comparison (docs/diagnosis.md §3), in one place. */
export const COMPARISON = {
  /** Band ends where the recording falls this far below the healthy shape are not covered. */
  bandTrimDb: 15,
  /** Smallest band spread used for z-scores: a dB and a half of honest measurement noise. */
  bandSpreadFloorDb: 1.5,
  /** The band score averages the largest few band z-scores, not one noisy band. */
  bandScoreTopCount: 3,
  /** Narrowband and envelope lines are searched this far around a frequency (speed drift). */
  speedToleranceFraction: 0.035,
  lineToleranceBins: 2,
  lineSpreadFloorDb: 3,
  /** Lines below this are left to the band comparison (and to rumble). */
  minLineHz: 10,
  minEnvelopeLineHz: 3,
  peakMinProminenceDb: 10,
  envelopeMinProminenceDb: 6,
  kurtosisSpreadFloor: 0.25,
  /** Modulation below this is the slow wander of any machine's level, not a rhythm. */
  minModulationHz: 0.7,
  /** A modulation bin of a few Welch segments scatters by several dB: never judge finer. */
  modulationSpreadFloorDb: 3,
} as const;
