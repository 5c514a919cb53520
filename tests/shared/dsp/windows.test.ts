import { describe, expect, it } from 'vitest';
import type { WindowName } from '../../../shared/dsp/windows.ts';
import {
  WINDOW_NAMES,
  describeWindow,
  getWindow,
  windowDescriptor,
} from '../../../shared/dsp/windows.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';

interface WindowCase {
  window: WindowName;
  length: number;
  symmetric: boolean;
  scipy: string;
  values: Float64Array;
  coherentGain: number;
  equivalentNoiseBandwidthBins: number;
}

const { cases } = loadReference<{ cases: WindowCase[] }>('spectral/windows.json');

describe('windows against scipy.signal.get_window', () => {
  it.each(cases.map((c) => [c.scipy, c] as const))('matches %s', (_name, c) => {
    const values = getWindow(c.window, c.length, { symmetric: c.symmetric });
    // Window values lie in [−0.1, 1]: compare in absolute terms.
    expectArraysClose(values, c.values, 1e-14, 1);
    const descriptor = windowDescriptor(c.window, c.length, c.symmetric);
    expectClose(descriptor.coherentGain, c.coherentGain, 1e-14);
    expectClose(descriptor.equivalentNoiseBandwidthBins / c.equivalentNoiseBandwidthBins, 1, 1e-13);
  });
});

describe('window properties', () => {
  // For a periodic cosine window the cosines sum to zero over a period, so Σw/N = a0 and
  // N·Σw²/(Σw)² = (a0² + ½Σ_{k≥1} a_k²)/a0² exactly once N > 2·(terms − 1) (Hann: 0.5, 1.5).
  it.each<[WindowName, readonly number[]]>([
    ['boxcar', [1]],
    ['hann', [0.5, 0.5]],
    ['hamming', [0.54, 0.46]],
    ['blackmanharris', [0.35875, 0.48829, 0.14128, 0.01168]],
    ['flattop', [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368]],
  ])(
    'gives the periodic %s window coherent gain a0 and ENBW (a0² + ½Σa_k²)/a0² for a = %j',
    (name, a) => {
      const coherentGain = a[0];
      const enbwBins =
        a.reduce((sum, ak, k) => sum + (k === 0 ? ak * ak : (ak * ak) / 2), 0) / a[0] ** 2;
      for (const length of [16, 1000, 4096]) {
        const descriptor = windowDescriptor(name, length);
        expectClose(descriptor.coherentGain, coherentGain, 1e-12);
        expectClose(descriptor.equivalentNoiseBandwidthBins, enbwBins, 1e-12);
      }
    },
  );

  it.each(WINDOW_NAMES.map((name) => [name]))(
    'makes the periodic %s window of N the symmetric one of N+1 without its last value',
    (name) => {
      const periodic = getWindow(name, 64);
      const symmetric = getWindow(name, 65, { symmetric: true });
      expectArraysClose(periodic, symmetric.subarray(0, 64), 1e-14, 1);
    },
  );

  it.each(WINDOW_NAMES.map((name) => [name]))('makes the symmetric %s window symmetric', (name) => {
    const values = getWindow(name, 101, { symmetric: true });
    const reversed = values.slice().reverse();
    expectArraysClose(values, reversed, 1e-14, 1);
  });

  it('peaks at 1 in the middle of a symmetric Hann window of odd length', () => {
    const values = getWindow('hann', 9, { symmetric: true });
    expectClose(values[4], 1, 1e-15);
    expectClose(values[0], 0, 1e-15);
  });

  it('describes custom coefficients', () => {
    const descriptor = describeWindow(Float64Array.of(1, 2, 3, 2));
    expect(descriptor.name).toBe('custom');
    expectClose(descriptor.coherentGain, 2, 1e-15);
    expectClose(descriptor.equivalentNoiseBandwidthBins, (4 * 18) / 64, 1e-15);
  });
});

describe('window cache', () => {
  it('returns the same descriptor for the same name, length and symmetry', () => {
    expect(windowDescriptor('hann', 512)).toBe(windowDescriptor('hann', 512));
    expect(windowDescriptor('hann', 512)).not.toBe(windowDescriptor('hann', 512, true));
    expect(windowDescriptor('hann', 512)).not.toBe(windowDescriptor('hamming', 512));
  });

  it('hands out copies from getWindow, so a caller cannot corrupt the cache', () => {
    const first = getWindow('blackmanharris', 32);
    first.fill(7);
    const second = getWindow('blackmanharris', 32);
    expect(second[0]).toBeCloseTo(6e-5, 12);
    expect(windowDescriptor('blackmanharris', 32).values[0]).toBeCloseTo(6e-5, 12);
  });

  it('keeps working after more distinct windows than the cache holds', () => {
    for (let length = 2; length < 200; length++) windowDescriptor('hann', length);
    expectClose(windowDescriptor('hann', 4).values[2], 1, 1e-15);
  });
});

describe('window argument checks', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['an unknown name', () => getWindow('kaiser' as WindowName, 8), /window/],
    ['length 0', () => getWindow('hann', 0), /length/],
    ['a fractional length', () => getWindow('hann', 7.5), /length/],
    ['a negative length', () => windowDescriptor('hann', -4), /length/],
  ])('rejects %s with a RangeError naming it', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
