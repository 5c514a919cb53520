/**
 * The range of the anomaly-score meter: the threshold sits in the middle unless the score goes
 * further, so "how far past the threshold" reads at a glance.
 */
export function scoreScale(
  anomalyScore: number,
  threshold: number,
): { max: number; value: number } {
  const safeThreshold = Number.isFinite(threshold) && threshold > 0 ? threshold : 1;
  const value = Number.isFinite(anomalyScore) ? Math.max(0, anomalyScore) : 0;
  return { max: Math.max(2 * safeThreshold, value), value };
}
