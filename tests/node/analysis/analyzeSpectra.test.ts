import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAnalysisPool } from '../../../node/analysis/analysisPool.ts';
import { analyzeSpectraParallel } from '../../../node/analysis/analyzeSpectra.ts';
import type { ParallelSpectraOptions } from '../../../node/analysis/analyzeSpectra.ts';
import { decodeWavFile } from '../../../node/audio/openWavFile.ts';
import { createEnvelopeStream } from '../../../shared/dsp/envelope.ts';
import { signalStatistics } from '../../../shared/dsp/stats.ts';
import type { SignalStatistics } from '../../../shared/dsp/stats.ts';
import { welch } from '../../../shared/dsp/welch.ts';
import type { WelchOptions, WelchResult } from '../../../shared/dsp/welch.ts';
import { expectArraysClose, expectClose, maxRelativeError } from '../../helpers/tolerance.ts';
import {
  IMPACT_RATE_HZ,
  MAIN_TONE_HZ,
  SAMPLE_RATE_HZ,
  machineSignal,
  writeWav,
} from './machineWav.ts';

/** The spectra on a pool of `threads` workers (default 2) made for this call. */
async function spectraOn(
  file: string,
  { threads = 2, ...options }: ParallelSpectraOptions & { threads?: number } = {},
) {
  const pool = createAnalysisPool({ threads });
  try {
    return await analyzeSpectraParallel(file, pool, options);
  } finally {
    await pool.close();
  }
}

let folder = '';
let file = '';
let samples: Float32Array;
let reference: WelchResult;
let envelopeReference: WelchResult;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'auscult-analysis-'));
  file = path.join(folder, 'machine-20s.wav');
  await writeWav(file, [machineSignal(20)], 'pcm16');
  // The reference reads the same file through the ordinary reader: same decoding, one pass.
  samples = (await decodeWavFile(file)).samples;
  reference = welch(samples, SAMPLE_RATE_HZ, { segmentLength: 8192 });
  envelopeReference = welch(singlePassEnvelope(samples), SAMPLE_RATE_HZ, { segmentLength: 8192 });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The single-pass envelope with the analysis's default frames (65536, guard 8192). */
function singlePassEnvelope(signal: Float32Array): Float64Array {
  const stream = createEnvelopeStream({ frameLength: 65536, guardLength: 8192 });
  const head = stream.push(signal);
  const out = new Float64Array(signal.length);
  out.set(head);
  out.set(stream.flush(), head.length);
  return out;
}

function total(values: Float64Array): number {
  return values.reduce((sum, v) => sum + v, 0);
}

function peak(values: Float64Array): number {
  return values.reduce((m, v) => Math.max(m, v), 0);
}

function peakHz(result: WelchResult, fromHz = 0): number {
  let best = result.frequenciesHz.findIndex((f) => f >= fromHz);
  for (let k = best; k < result.values.length; k++) {
    if (result.values[k] > result.values[best]) best = k;
  }
  return result.frequenciesHz[best];
}

function expectSameStatistics(actual: SignalStatistics, expected: SignalStatistics): void {
  expect(actual.count).toBe(expected.count);
  for (const key of ['mean', 'rms', 'peak', 'crestFactor', 'skewness', 'kurtosis'] as const) {
    expectClose(actual[key], expected[key], 1e-9 * Math.max(1, Math.abs(expected[key])));
  }
}

describe('analyzeSpectraParallel on a 20 s recording', () => {
  // fft.js is float64: only the order of summation differs from one pass. The WASM FFT is
  // float32: ~1e-6 relative per bin on this signal, checked at 1e-5.
  it.each([
    { label: '2 threads, fft.js', options: { threads: 2, wasmFft: false }, tolerance: 1e-12 },
    { label: '2 threads × 2 ranges, WASM', options: { threads: 2 }, tolerance: 1e-5 },
    {
      label: '3 threads × 3 ranges, WASM',
      options: { threads: 3, rangesPerThread: 3 },
      tolerance: 1e-5,
    },
    { label: '1 thread, WASM', options: { threads: 1, rangesPerThread: 1 }, tolerance: 1e-5 },
  ])('gives the PSD of welch() over the whole signal ($label)', async ({ options, tolerance }) => {
    const result = await spectraOn(file, options);
    expect(result.psd.segmentCount).toBe(reference.segmentCount);
    expectArraysClose(result.psd.frequenciesHz, reference.frequenciesHz, 0);
    expectArraysClose(
      result.psd.values,
      reference.values,
      tolerance,
      1e-9 * peak(reference.values),
    );
    expect(peakHz(result.psd)).toBe(MAIN_TONE_HZ);
    expectSameStatistics(result.stats, signalStatistics(samples));
  });

  it.each<{ label: string; welch: Omit<WelchOptions, 'sampleRateHz'> }>([
    { label: '4096 points, 75 % overlap', welch: { segmentLength: 4096, overlap: 0.75 } },
    {
      label: '1000 points, no overlap, Hamming',
      welch: { segmentLength: 1000, overlap: 0, window: 'hamming' },
    },
    {
      label: '8192 points, spectrum scaling, linear detrend',
      welch: { segmentLength: 8192, scaling: 'spectrum', detrend: 'linear' },
    },
    { label: '2048 points, median average', welch: { segmentLength: 2048, average: 'median' } },
  ])(
    'takes exactly the segments of one pass with other settings ($label)',
    async ({ welch: w }) => {
      const result = await spectraOn(file, {
        ...w,
        threads: 2,
        rangesPerThread: 3,
        wasmFft: false,
        envelope: false,
      });
      const expected = welch(samples, SAMPLE_RATE_HZ, w);
      expect(result.psd.segmentCount).toBe(expected.segmentCount);
      expectArraysClose(result.psd.values, expected.values, 1e-12, 1e-12 * peak(expected.values));
      expect(result.envelopePsd).toBeNull();
    },
  );

  it.each([
    { threads: 1, rangesPerThread: 1 },
    { threads: 2, rangesPerThread: 2 },
    { threads: 3, rangesPerThread: 3 },
  ])(
    'matches the single-pass envelope spectrum within 1 % per bin with $threads × $rangesPerThread ranges',
    async (options) => {
      const result = await spectraOn(file, options);
      const envelopePsd = result.envelopePsd as WelchResult;
      expect(envelopePsd.segmentCount).toBe(envelopeReference.segmentCount);
      // Range boundaries move the overlap-save frames, and a range's last frame is moved back
      // to its last sample rather than zero-padded (rangeEnvelope.ts); the 8192-sample guard
      // bounds the difference (measured: 0.4–0.7 %). The worst bins sit near Nyquist, 1e-5 below
      // the peak, hence the floor; the band total and the impact line do not move.
      const floor = 1e-5 * peak(envelopeReference.values);
      expect(
        maxRelativeError(envelopePsd.values, envelopeReference.values, floor),
      ).toBeLessThanOrEqual(1e-2);
      expectClose(total(envelopePsd.values) / total(envelopeReference.values), 1, 1e-5);
      expect(peakHz(envelopePsd, 1)).toBe(IMPACT_RATE_HZ);
    },
  );
});

describe('analyzeSpectraParallel options and files', () => {
  it('analyses the chosen channel of a stereo float file', async () => {
    const stereo = path.join(folder, 'stereo.wav');
    const left = machineSignal(2, 1);
    const right = machineSignal(2, 2).map((x) => 0.5 * x);
    await writeWav(stereo, [left, right], 'float32');
    const result = await spectraOn(stereo, {
      channel: 1,
      segmentLength: 1024,
      wasmFft: false,
    });
    const expected = welch(right, SAMPLE_RATE_HZ, { segmentLength: 1024 });
    expectArraysClose(result.psd.values, expected.values, 1e-12, 1e-12 * peak(expected.values));
    expectSameStatistics(result.stats, signalStatistics(right));
  });

  it('runs on the pool it is given and leaves it open', async () => {
    const pool = createAnalysisPool({ threads: 2 });
    try {
      const options = { wasmFft: false, envelope: false };
      const first = await analyzeSpectraParallel(file, pool, options);
      const second = await analyzeSpectraParallel(file, pool, options);
      expect(first.timings.threads).toBe(2);
      expectArraysClose(second.psd.values, first.psd.values, 0);
    } finally {
      await pool.close();
    }
  });

  it('rejects a file shorter than one segment', async () => {
    const short = path.join(folder, 'short.wav');
    await writeWav(short, [machineSignal(0.1)], 'pcm16');
    await expect(spectraOn(short)).rejects.toThrow(/fewer than one segment/);
  });

  it("rejects a file that is not a WAV with the reader's error", async () => {
    const text = path.join(folder, 'notes.wav');
    await writeFile(text, 'not audio at all, just some words in a file');
    await expect(spectraOn(text)).rejects.toMatchObject({ name: 'WavFormatError' });
  });

  it('rejects a missing file with the fs error', async () => {
    await expect(spectraOn(path.join(folder, 'none.wav'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('reports a bad channel from the worker as a RangeError', async () => {
    await expect(spectraOn(file, { channel: 3 })).rejects.toThrow(RangeError);
  });

  it.each<{ options: ParallelSpectraOptions; name: string }>([
    { options: { rangesPerThread: 1.5 }, name: 'rangesPerThread' },
    { options: { envelopeFrameLength: 1000 }, name: 'envelopeFrameLength' },
    { options: { envelopeGuardLength: 32768 }, name: 'envelopeGuardLength' },
    { options: { segmentLength: 1 }, name: 'segmentLength' },
    { options: { overlap: 1 }, name: 'overlap' },
  ])('rejects options $options naming $name', async ({ options, name }) => {
    await expect(spectraOn(file, options)).rejects.toThrow(RangeError);
    await expect(spectraOn(file, options)).rejects.toThrow(name);
  });
});
