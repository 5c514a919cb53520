/**
 * Quick measurements for the simulator's own tests: a Hann-windowed amplitude spectrum, the
 * envelope spectrum of a band (FFT-domain Hilbert transform), band power, RMS and kurtosis.
 * Deliberately simple and independent of the product's DSP, which is tested elsewhere.
 */
import { fft, rfft } from '../../shared/dsp/fft.ts';
import type { FrequencySeries } from '../../shared/dsp/types.ts';

function largestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

/**
 * Amplitude spectrum of the first power-of-two block: a sine of amplitude A reads A at its peak.
 */
export function amplitudeSpectrum(
  samples: ArrayLike<number>,
  sampleRateHz: number,
): FrequencySeries {
  const n = largestPowerOfTwo(samples.length);
  const block = new Float64Array(n);
  let windowSum = 0;
  for (let i = 0; i < n; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
    block[i] = samples[i] * w;
    windowSum += w;
  }
  const { re, im } = rfft(block);
  const values = new Float64Array(re.length);
  const frequenciesHz = new Float64Array(re.length);
  for (let k = 0; k < re.length; k++) {
    values[k] = (2 * Math.hypot(re[k], im[k])) / windowSum;
    frequenciesHz[k] = (k * sampleRateHz) / n;
  }
  return { frequenciesHz, values };
}

/** The largest value within ±toleranceHz of frequencyHz. */
export function peakNear(
  spectrum: FrequencySeries,
  frequencyHz: number,
  toleranceHz: number,
): number {
  let best = 0;
  spectrum.frequenciesHz.forEach((f, k) => {
    if (Math.abs(f - frequencyHz) <= toleranceHz) best = Math.max(best, spectrum.values[k]);
  });
  return best;
}

/** The median value over [lowHz, highHz]: the floor a peak stands out from. */
export function medianIn(spectrum: FrequencySeries, lowHz: number, highHz: number): number {
  const inBand = spectrum.values.filter(
    (_, k) => spectrum.frequenciesHz[k] >= lowHz && spectrum.frequenciesHz[k] <= highHz,
  );
  const sorted = Float64Array.from(inBand).sort();
  return sorted[Math.floor(sorted.length / 2)];
}

/** How far the peak near frequencyHz stands above the median of [lowHz, highHz], in dB. */
export function prominenceDb(
  spectrum: FrequencySeries,
  frequencyHz: number,
  toleranceHz: number,
  lowHz: number,
  highHz: number,
): number {
  return (
    20 *
    Math.log10(peakNear(spectrum, frequencyHz, toleranceHz) / medianIn(spectrum, lowHz, highHz))
  );
}

/** Amplitude spectrum of the Hilbert envelope of the [lowHz, highHz] band (mean removed). */
export function envelopeSpectrum(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  lowHz: number,
  highHz: number,
): FrequencySeries {
  const n = largestPowerOfTwo(samples.length);
  const spectrum = fft(
    Float64Array.from({ length: n }, (_, i) => samples[i]),
    new Float64Array(n),
  );
  for (let k = 0; k < n; k++) {
    const f = (k * sampleRateHz) / n;
    const keep = k > 0 && k < n / 2 && f >= lowHz && f <= highHz;
    spectrum.re[k] = keep ? 2 * spectrum.re[k] : 0;
    spectrum.im[k] = keep ? 2 * spectrum.im[k] : 0;
  }
  const analytic = fft(spectrum.re, spectrum.im, true);
  const envelope = new Float64Array(n);
  for (let i = 0; i < n; i++) envelope[i] = Math.hypot(analytic.re[i], analytic.im[i]);
  const mean = envelope.reduce((a, b) => a + b, 0) / n;
  return amplitudeSpectrum(
    envelope.map((v) => v - mean),
    sampleRateHz,
  );
}

/** Mean power of the [lowHz, highHz] band (Parseval over the rfft of the first power-of-two block). */
export function bandPower(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  lowHz: number,
  highHz: number,
): number {
  const n = largestPowerOfTwo(samples.length);
  const { re, im } = rfft(Float64Array.from({ length: n }, (_, i) => samples[i]));
  let sum = 0;
  for (let k = 1; k < re.length; k++) {
    const f = (k * sampleRateHz) / n;
    if (f >= lowHz && f <= highHz) sum += 2 * (re[k] ** 2 + im[k] ** 2);
  }
  return sum / (n * n);
}

export function rms(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] ** 2;
  return Math.sqrt(sum / samples.length);
}

/** Fourth standardised moment: 3 for Gaussian noise, more for impulsive signals. */
export function kurtosis(samples: ArrayLike<number>): number {
  const n = samples.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += samples[i] / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (samples[i] - mean) ** 2;
    m2 += d / n;
    m4 += (d * d) / n;
  }
  return m4 / (m2 * m2);
}

export function toDb(ratio: number): number {
  return 10 * Math.log10(ratio);
}

/** Level of the strongest line within ±toleranceHz of frequencyHz, dB re an amplitude of 1. */
export function lineLevelDb(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  frequencyHz: number,
  toleranceHz: number,
): number {
  return (
    20 * Math.log10(peakNear(amplitudeSpectrum(samples, sampleRateHz), frequencyHz, toleranceHz))
  );
}

/** Where envelopeLineDb listens: the band demodulated, and the line's and the floor's spans. */
export interface EnvelopeProbe {
  readonly lowHz: number;
  readonly highHz: number;
  readonly toleranceHz: number;
  /** The envelope spectrum's median over [floorLowHz, floorHighHz] is the floor. */
  readonly floorLowHz: number;
  readonly floorHighHz: number;
}

/** How far the envelope line near frequencyHz stands above the envelope's floor, dB. */
export function envelopeLineDb(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  frequencyHz: number,
  probe: EnvelopeProbe,
): number {
  const envelope = envelopeSpectrum(samples, sampleRateHz, probe.lowHz, probe.highHz);
  return prominenceDb(
    envelope,
    frequencyHz,
    probe.toleranceHz,
    probe.floorLowHz,
    probe.floorHighHz,
  );
}
