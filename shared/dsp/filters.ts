/**
 * Band-, high- and low-pass filtering of a whole signal with a Butterworth design
 * (scipy.signal.butter(..., output='sos') then sosfiltfilt, or sosfilt when causal).
 * For recordings processed block by block, use `designButterworth` with `createSosFilter`.
 */
import { designButterworth } from './butterworth.ts';
import { sosfilt, sosfiltfilt } from './sos.ts';
import type { SampleArray } from './types.ts';

export { designButterworth, sosResponse } from './butterworth.ts';
export type { ButterworthSpec, FilterType, Sos, SosSection } from './butterworth.ts';
export { createSosFilter, defaultPadLength, sosfilt, sosfiltfilt, sosfiltZi } from './sos.ts';
export type { FiltFiltOptions, PadType, SosFilterStream } from './sos.ts';

export interface FilterOptions {
  /** Butterworth order (scipy's N; a band-pass then has 2N poles). Default 4. */
  readonly order?: number;
  /**
   * true (default): zero-phase forward-backward (sosfiltfilt, padtype 'odd', scipy's padlen);
   * the magnitude response is squared, so the -3 dB edge becomes -6 dB.
   * false: causal sosfilt, whose delay depends on frequency.
   */
  readonly zeroPhase?: boolean;
}

function apply(
  samples: SampleArray,
  spec: Parameters<typeof designButterworth>[0],
  zeroPhase: boolean,
): Float64Array {
  if (samples.length === 0) throw new RangeError('filter: samples must not be empty');
  const sos = designButterworth(spec);
  return zeroPhase ? sosfiltfilt(sos, samples) : sosfilt(sos, samples);
}

/** Keeps lowHz..highHz (Butterworth band-pass, -3 dB edges of one pass). Returns a new array. */
export function bandPass(
  samples: SampleArray,
  sampleRateHz: number,
  lowHz: number,
  highHz: number,
  options: FilterOptions = {},
): Float64Array {
  const spec = {
    order: options.order ?? 4,
    type: 'bandpass' as const,
    cutoffHz: [lowHz, highHz] as const,
    sampleRateHz,
  };
  return apply(samples, spec, options.zeroPhase ?? true);
}

/** Removes content below cutoffHz (Butterworth high-pass). Returns a new array. */
export function highPass(
  samples: SampleArray,
  sampleRateHz: number,
  cutoffHz: number,
  options: FilterOptions = {},
): Float64Array {
  const spec = { order: options.order ?? 4, type: 'highpass' as const, cutoffHz, sampleRateHz };
  return apply(samples, spec, options.zeroPhase ?? true);
}

/** Removes content above cutoffHz (Butterworth low-pass). Returns a new array. */
export function lowPass(
  samples: SampleArray,
  sampleRateHz: number,
  cutoffHz: number,
  options: FilterOptions = {},
): Float64Array {
  const spec = { order: options.order ?? 4, type: 'lowpass' as const, cutoffHz, sampleRateHz };
  return apply(samples, spec, options.zeroPhase ?? true);
}
