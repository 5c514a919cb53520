/** A baseline's healthy spectrum for display (baselines.spectrum). */
import type { BaselineSpectrumView } from '../../shared/api/contract.ts';
import type { BaselineModel } from '../../shared/diagnosis/baseline/model.ts';

/** At most this many points go to the page: a screen is narrower than that. */
export const MAX_SPECTRUM_POINTS = 2000;

/** How far below the median the normal band reaches, in robust spreads. */
export const LOWER_SPREADS = 2;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The model's narrowband spectrum as median, lower = median − 2·spread and upper = the healthy
 * maximum, in level-normalised dB, from the first bin above 0 Hz (a log axis cannot show DC).
 * Above `maxPoints` bins, consecutive bins are grouped and each group shows the peak of its
 * median and upper and the minimum of its lower (so a narrow line stays visible), at the
 * frequency of its median peak. Levels are rounded to 0.01 dB.
 */
export function baselineSpectrumView(
  baselineId: string,
  spectrum: BaselineModel['spectrum'],
  maxPoints = MAX_SPECTRUM_POINTS,
): BaselineSpectrumView {
  if (!Number.isSafeInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError('maxPoints must be a positive integer');
  }
  const { medianDb, spreadDb, upperDb, binWidthHz } = spectrum;
  const first = 1;
  const binCount = Math.max(0, medianDb.length - first);
  const groupSize = Math.max(1, Math.ceil(binCount / maxPoints));
  const view = {
    baselineId,
    frequenciesHz: [] as number[],
    medianDb: [] as number[],
    lowerDb: [] as number[],
    upperDb: [] as number[],
  };
  for (let start = first; start < medianDb.length; start += groupSize) {
    const end = Math.min(medianDb.length, start + groupSize);
    let peak = start;
    let lower = Infinity;
    let upper = -Infinity;
    for (let k = start; k < end; k++) {
      if (medianDb[k] > medianDb[peak]) peak = k;
      lower = Math.min(lower, medianDb[k] - LOWER_SPREADS * spreadDb[k]);
      upper = Math.max(upper, upperDb[k]);
    }
    view.frequenciesHz.push(round2(peak * binWidthHz));
    view.medianDb.push(round2(medianDb[peak]));
    view.lowerDb.push(round2(lower));
    view.upperDb.push(round2(upper));
  }
  return view;
}
