import { describe, expect, it } from 'vitest';
import { findHarmonics, findSidebands } from '../../../shared/dsp/harmonics.ts';
import type { FrequencySeries } from '../../../shared/dsp/types.ts';
import { amplitudeSpectrum } from '../../../shared/dsp/welch.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

const fs = 8192;

/** Sines (frequency, amplitude) in noise of RMS 0.01, 8 s, as a Welch amplitude spectrum (1 Hz bins). */
function spectrumOf(lines: readonly (readonly [number, number])[]): FrequencySeries {
  const n = 8 * fs;
  const x = gaussianNoise(n, 9).map((v) => 0.01 * v);
  for (const [f, a] of lines) {
    for (let i = 0; i < n; i++) x[i] += a * Math.sin((2 * Math.PI * f * i) / fs + f);
  }
  return amplitudeSpectrum(x, fs, { segmentLength: fs, window: 'hann' });
}

describe('findHarmonics', () => {
  // 25 Hz with 1x, 2x, 3x and 5x; 4x missing.
  const levels = [0.5, 0.2, 0.1, 0, 0.05];
  const spectrum = spectrumOf(
    levels.map((a, k) => [25 * (k + 1), a] as const).filter(([, a]) => a > 0),
  );
  const family = findHarmonics(spectrum, 25, { count: 6 });

  it('marks which harmonics stand out and which do not', () => {
    expect(family.harmonics.map((h) => h.present)).toEqual([true, true, true, false, true, false]);
    expect(family.consecutiveCount).toBe(3);
    expect(family.presentCount).toBe(4);
    expectClose(family.presentFraction, 4 / 6, 1e-12);
  });

  it.each([0, 1, 2, 4])(
    'locates harmonic %i+1 within 0.05 Hz and reads its level within 0.35 dB',
    (i) => {
      const h = family.harmonics[i];
      expectClose(h.frequencyHz, h.expectedHz, 0.05);
      expectClose(h.levelDb, 20 * Math.log10(levels[i]), 0.35);
    },
  );

  it('measures prominence over the local floor, which sits at the noise level', () => {
    // White noise of RMS 0.01 reads about 0.01·√(2·ENBW/N) ≈ 1.9e-4 (−74 dB) per Hann bin; the
    // floor is the median of a few dozen bins of one noisy periodogram, so ±4 dB.
    for (const h of family.harmonics) expectClose(h.floorDb, -74, 4);
    for (const h of family.harmonics) expectClose(h.prominenceDb, h.levelDb - h.floorDb, 1e-12);
    expect(family.harmonics[0].prominenceDb).toBeGreaterThan(60);
    expect(family.harmonics[3].prominenceDb).toBeLessThan(6);
  });

  it('sums the present harmonics’ prominences into the family strength', () => {
    const present = family.harmonics.filter((h) => h.present);
    const expected = 10 * Math.log10(present.reduce((s, h) => s + 10 ** (h.prominenceDb / 10), 0));
    expectClose(family.strengthDb, expected, 1e-9);
    expectClose(
      family.meanProminenceDb,
      present.reduce((s, h) => s + h.prominenceDb, 0) / present.length,
      1e-9,
    );
  });

  it.each([
    { name: 'finds', options: {}, present: true },
    { name: 'misses', options: { toleranceRelative: 0.005, toleranceHz: 0.2 }, present: false },
  ])('$name lines 1.5 % sharp of the harmonics with that tolerance', ({ options, present }) => {
    const sharp = spectrumOf([
      [25.375, 0.5],
      [50.75, 0.2],
      [76.125, 0.1],
    ]);
    const result = findHarmonics(sharp, 25, { count: 3, ...options });
    expect(result.harmonics.map((h) => h.present)).toEqual([present, present, present]);
  });

  it('leaves out harmonics above the spectrum', () => {
    expect(findHarmonics(spectrum, 1500, { count: 5 }).harmonics.map((h) => h.order)).toEqual([
      1, 2,
    ]);
  });

  it.each([
    ['a zero fundamental', () => findHarmonics(spectrum, 0), /fundamentalHz/],
    ['a count of 0', () => findHarmonics(spectrum, 25, { count: 0 }), /count/],
    ['a negative tolerance', () => findHarmonics(spectrum, 25, { toleranceHz: -1 }), /toleranceHz/],
    [
      'arrays of different lengths',
      () => findHarmonics({ frequenciesHz: new Float64Array(5), values: new Float64Array(4) }, 25),
      /length/,
    ],
  ])('rejects %s with a RangeError naming it', (_, call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});

describe('findSidebands', () => {
  // A 1 kHz carrier with ±25 Hz sidebands at k = 1, 2 on both sides and k = 3 above only.
  const spectrum = spectrumOf([
    [1000, 0.5],
    [975, 0.1],
    [1025, 0.1],
    [950, 0.05],
    [1050, 0.05],
    [1075, 0.03],
  ]);
  const family = findSidebands(spectrum, 1000, 25, { count: 3 });

  it('finds the carrier and each sideband present', () => {
    expect(family.carrier.present).toBe(true);
    expect(family.lower.map((s) => [s.order, s.present])).toEqual([
      [-1, true],
      [-2, true],
      [-3, false],
    ]);
    expect(family.upper.map((s) => [s.order, s.present])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(family.presentCount).toBe(5);
    expect(family.pairCount).toBe(2);
  });

  it('locates each sideband within 0.05 Hz', () => {
    for (const s of [...family.lower, ...family.upper].filter((s) => s.present)) {
      expectClose(s.frequencyHz, s.expectedHz, 0.05);
    }
  });

  it.each([
    ['a zero spacing', () => findSidebands(spectrum, 1000, 0), /spacingHz/],
    ['a negative carrier', () => findSidebands(spectrum, -5, 25), /carrierHz/],
    ['a fractional count', () => findSidebands(spectrum, 1000, 25, { count: 1.5 }), /count/],
  ])('rejects %s with a RangeError naming it', (_, call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
