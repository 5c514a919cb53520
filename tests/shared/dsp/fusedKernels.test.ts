/**
 * The fused inner loops (sosKernels.ts, pairedStats.ts) give bit for bit what the plain loops
 * they replaced give: the feature goldens depend on it.
 */
import { describe, expect, it } from 'vitest';
import { designButterworth } from '../../../shared/dsp/butterworth.ts';
import type { Sos } from '../../../shared/dsp/butterworth.ts';
import { pairedBlockStats } from '../../../shared/dsp/pairedStats.ts';
import { runSections } from '../../../shared/dsp/sosKernels.ts';
import { addSamples, emptyStats } from '../../../shared/dsp/stats.ts';

/** A deterministic noisy test signal with a tone and a few impacts. */
function testSignal(length: number, seed: number): Float64Array {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const x = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    x[i] = 0.3 * Math.sin(0.05 * i) + next() + (i % 997 === 0 ? 4 : 0);
  }
  return x;
}

/** The section-by-section loop the fused kernels replaced. */
function sectionBySection(sos: Sos, data: Float64Array, state: Float64Array): void {
  for (let s = 0; s < sos.length; s++) {
    const [b0, b1, b2, , a1, a2] = sos[s];
    let z0 = state[2 * s];
    let z1 = state[2 * s + 1];
    for (let n = 0; n < data.length; n++) {
      const x = data[n];
      const y = b0 * x + z0;
      z0 = b1 * x - a1 * y + z1;
      z1 = b2 * x - a2 * y;
      data[n] = y;
    }
    state[2 * s] = z0;
    state[2 * s + 1] = z1;
  }
}

describe('runSections', () => {
  const designs: [string, Sos][] = [
    [
      '1 section',
      designButterworth({ order: 2, type: 'lowpass', cutoffHz: 900, sampleRateHz: 8000 }),
    ],
    [
      '2 sections',
      designButterworth({ order: 4, type: 'highpass', cutoffHz: 1000, sampleRateHz: 48000 }),
    ],
    [
      '3 sections',
      designButterworth({ order: 5, type: 'lowpass', cutoffHz: 2000, sampleRateHz: 16000 }),
    ],
    [
      '4 sections',
      designButterworth({
        order: 4,
        type: 'bandpass',
        cutoffHz: [4500, 7500],
        sampleRateHz: 48000,
      }),
    ],
    [
      '7 sections',
      designButterworth({ order: 7, type: 'bandpass', cutoffHz: [300, 900], sampleRateHz: 8000 }),
    ],
  ];

  it.each(designs)('matches the section-by-section loop bit for bit (%s)', (_name, sos) => {
    const signal = testSignal(5000, 7);
    const fused = Float64Array.from(signal);
    const plain = Float64Array.from(signal);
    const fusedState = new Float64Array(2 * sos.length).fill(0.01);
    const plainState = Float64Array.from(fusedState);
    // Two blocks, so the carried state is checked too.
    runSections(sos, fused.subarray(0, 1234), fusedState);
    runSections(sos, fused.subarray(1234), fusedState);
    sectionBySection(sos, plain.subarray(0, 1234), plainState);
    sectionBySection(sos, plain.subarray(1234), plainState);
    expect(fused).toEqual(plain);
    expect(fusedState).toEqual(plainState);
    expect(fused).not.toEqual(signal);
  });
});

describe('pairedBlockStats', () => {
  it('equals addSamples on the whole and on each part, bit for bit', () => {
    const whole = testSignal(4000, 1);
    const parted = testSignal(4000, 2);
    const cuts = [0, 1, 1500, 3999, 4000];
    const paired = pairedBlockStats(whole, parted, cuts);
    expect(paired.whole).toEqual(addSamples(emptyStats(), whole));
    expect(paired.parts).toHaveLength(4);
    paired.parts.forEach((part, i) => {
      expect(part).toEqual(addSamples(emptyStats(), parted.subarray(cuts[i], cuts[i + 1])));
    });
  });
});
