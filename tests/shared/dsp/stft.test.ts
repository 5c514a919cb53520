import { describe, expect, it } from 'vitest';
import type { SpectrogramOptions } from '../../../shared/dsp/stft.ts';
import { SpectrogramStream, poolSpectrogramFrames, spectrogram } from '../../../shared/dsp/stft.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';

interface StoredSignal {
  sampleRateHz: number;
  samples: Float64Array;
}
interface SpectrogramCase {
  signal: string;
  options: SpectrogramOptions;
  scipy: string;
  frequenciesHz: Float64Array;
  timesSeconds: Float64Array;
  values: Float64Array;
}

const { signals } = loadReference<{ signals: Record<string, StoredSignal> }>(
  'spectral/signals.json',
);
const { cases } = loadReference<{ cases: SpectrogramCase[] }>('spectral/spectrogram.json');

function chirp(n: number, sampleRateHz: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / sampleRateHz;
    out[i] = Math.sin(2 * Math.PI * (100 * t + 200 * t * t));
  }
  return out;
}

function peakOf(values: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < values.length; i++) peak = Math.max(peak, Math.abs(values[i]));
  return peak;
}

describe('spectrogram against scipy.signal.spectrogram (mode psd)', () => {
  // Tolerance: 1e-5 relative per value (values are float32), with a floor of 1e-9 × the peak
  // so that near-zero bins are compared in absolute terms.
  it.each(cases.map((c) => [c.scipy, c] as const))('matches %s', (_name, c) => {
    const { samples, sampleRateHz } = signals[c.signal];
    const result = spectrogram(samples, sampleRateHz, c.options);
    expect(result.frameCount).toBe(c.timesSeconds.length);
    expect(result.binCount).toBe(c.frequenciesHz.length);
    expectArraysClose(result.timesSeconds, c.timesSeconds, 1e-12);
    expectArraysClose(result.frequenciesHz, c.frequenciesHz, 1e-12, 1);
    expectArraysClose(result.values, c.values, 1e-5, 1e-9 * peakOf(c.values));
  });
});

describe('SpectrogramStream', () => {
  const sampleRateHz = 8000;
  const samples = chirp(40_000, sampleRateHz);
  const options: SpectrogramOptions = { segmentLength: 512, hopSamples: 200 };

  it('emits each frame as soon as its samples have arrived, holding less than a segment', () => {
    const stream = new SpectrogramStream(sampleRateHz, options);
    let received = 0;
    for (let start = 0; start < samples.length; start += 333) {
      const chunk = stream.push(samples.subarray(start, start + 333));
      expect(chunk.firstFrameIndex).toBe(received);
      received += chunk.frameCount;
      const consumed = Math.min(start + 333, samples.length);
      const complete = consumed < 512 ? 0 : Math.floor((consumed - 512) / 200) + 1;
      expect(received).toBe(complete);
      expect(stream.bufferedSampleCount).toBeLessThan(512);
    }
    expect(stream.frameCount).toBe(received);
  });

  it('gives exactly the one-shot frames when fed float32 blocks of uneven lengths', () => {
    const stream = new SpectrogramStream(sampleRateHz, options);
    const values: number[] = [];
    const times: number[] = [];
    let start = 0;
    for (const length of [1, 700, 0, 5000, 13, 20_000, 14_286]) {
      const chunk = stream.push(Float32Array.from(samples.subarray(start, start + length)));
      start += length;
      values.push(...chunk.values);
      times.push(...chunk.timesSeconds);
    }
    expect(start).toBe(samples.length);
    const fromSingle = spectrogram(Float32Array.from(samples), sampleRateHz, options);
    expect(values).toEqual(Array.from(fromSingle.values));
    expect(times).toEqual(Array.from(fromSingle.timesSeconds));
  });

  it('keeps memory bounded over a long stream of 4.8 M samples', () => {
    const stream = new SpectrogramStream(48_000, { segmentLength: 1024, overlap: 0.5 });
    const block = chirp(4800, 48_000);
    let frames = 0;
    for (let i = 0; i < 1000; i++) {
      frames += stream.push(block).frameCount;
      expect(stream.bufferedSampleCount).toBeLessThan(1024);
    }
    expect(frames).toBe(Math.floor((4_800_000 - 1024) / 512) + 1);
  });

  it('puts a sine in the bin of its frequency, at frame centres (j·hop + L/2)/fs', () => {
    const n = 8192;
    const tone = Float64Array.from({ length: n }, (_, i) =>
      Math.sin((2 * Math.PI * 1000 * i) / sampleRateHz),
    );
    const result = spectrogram(tone, sampleRateHz, { segmentLength: 256, overlapSamples: 128 });
    const bin = (1000 * 256) / sampleRateHz;
    for (let frame = 0; frame < result.frameCount; frame++) {
      const row = result.values.subarray(frame * result.binCount, (frame + 1) * result.binCount);
      expect(row.indexOf(peakOf(row))).toBe(bin);
      expectClose(result.timesSeconds[frame], (frame * 128 + 128) / sampleRateHz, 1e-12);
    }
  });

  it('gives dB as 10·log10 of the power, and −300 dB for silence', () => {
    const power = spectrogram(samples, sampleRateHz, options);
    const db = spectrogram(samples, sampleRateHz, { ...options, output: 'db' });
    const expected = Float64Array.from(power.values, (p) => 10 * Math.log10(Math.max(p, 1e-30)));
    expectArraysClose(db.values, expected, 1e-5, 1);
    const silent = spectrogram(new Float64Array(1024), sampleRateHz, { ...options, output: 'db' });
    expect(Array.from(new Set(silent.values))).toEqual([-300]);
  });

  it('takes a hop as the complement of an overlap', () => {
    const byHop = spectrogram(samples, sampleRateHz, { segmentLength: 512, hopSamples: 200 });
    const byOverlap = spectrogram(samples, sampleRateHz, {
      segmentLength: 512,
      overlapSamples: 312,
    });
    expect(Array.from(byHop.values)).toEqual(Array.from(byOverlap.values));
  });

  it('starts again from frame 0 after reset', () => {
    const stream = new SpectrogramStream(sampleRateHz, options);
    const first = stream.push(samples.subarray(0, 3000));
    stream.reset();
    const again = stream.push(samples.subarray(0, 3000));
    expect(again.firstFrameIndex).toBe(0);
    expect(Array.from(again.values)).toEqual(Array.from(first.values));
  });
});

describe('poolSpectrogramFrames', () => {
  const base = spectrogram(chirp(4000, 8000), 8000, { segmentLength: 64, overlapSamples: 0 });

  it.each(['max', 'mean'] as const)('reduces 62 frames to 10 columns by %s pooling', (mode) => {
    expect(base.frameCount).toBe(62);
    const pooled = poolSpectrogramFrames(base, 10, mode);
    expect(pooled.frameCount).toBe(10);
    expect(pooled.values.length).toBe(10 * base.binCount);
    // Column 0 takes frames 0..6 (⌊j·10/62⌋ = 0 for j < 6.2).
    const bin = 5;
    const column = [0, 1, 2, 3, 4, 5, 6].map((j) => base.values[j * base.binCount + bin]);
    const expected =
      mode === 'max' ? Math.max(...column) : column.reduce((a, b) => a + b, 0) / column.length;
    expectClose(pooled.values[bin], expected, 1e-6 * Math.abs(expected));
    expectClose(pooled.timesSeconds[0], (base.timesSeconds[0] + base.timesSeconds[6]) / 2, 1e-12);
  });

  it('returns a spectrogram that already fits unchanged', () => {
    expect(poolSpectrogramFrames(base, 62)).toBe(base);
  });

  it.each<[string, () => unknown]>([
    ['maxFrames 0', () => poolSpectrogramFrames(base, 0)],
    ['an unknown mode', () => poolSpectrogramFrames(base, 4, 'min' as 'max')],
  ])('rejects %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('spectrogram argument checks', () => {
  const samples = new Float64Array(2048);
  it.each<[string, () => unknown, RegExp]>([
    [
      'a plain array',
      () => spectrogram([0] as unknown as Float64Array, 1000, { segmentLength: 2 }),
      /samples/,
    ],
    [
      'a negative sample rate',
      () => spectrogram(samples, -1, { segmentLength: 256 }),
      /sampleRateHz/,
    ],
    ['segmentLength 1', () => spectrogram(samples, 1000, { segmentLength: 1 }), /segmentLength/],
    ['too few samples', () => spectrogram(samples, 1000, { segmentLength: 4096 }), /segmentLength/],
    [
      'hop 0',
      () => spectrogram(samples, 1000, { segmentLength: 256, hopSamples: 0 }),
      /hopSamples/,
    ],
    [
      'hop longer than the segment',
      () => spectrogram(samples, 1000, { segmentLength: 256, hopSamples: 257 }),
      /hopSamples/,
    ],
    [
      'hop and overlap',
      () => spectrogram(samples, 1000, { segmentLength: 256, hopSamples: 64, overlap: 0.5 }),
      /hopSamples/,
    ],
    [
      'an unknown output',
      () => spectrogram(samples, 1000, { segmentLength: 256, output: 'dbfs' as 'db' }),
      /output/,
    ],
    [
      'a block that is no typed array',
      () =>
        new SpectrogramStream(1000, { segmentLength: 256 }).push([1] as unknown as Float64Array),
      /samples/,
    ],
  ])('rejects %s, naming it', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
