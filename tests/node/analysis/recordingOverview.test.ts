import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeSpectrogram,
  computeWaveformPeaks,
  planSpectrogram,
  spectrogramSegmentLength,
} from '../../../node/analysis/recordingOverview.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { createAnalysisPool } from '../../../node/analysis/analysisPool.ts';
import { machineSignal, SAMPLE_RATE_HZ } from './machineWav.ts';

let folder: string;
/** 10 s at 8 kHz: 1000 Hz for the first half, 3000 Hz for the second. */
let twoTones: string;
/** A ramp from 0 to 1 over 1000 frames, float32. */
let ramp: string;
/** 70 s of the machine-like signal at 48 kHz: long enough for the worker threads. */
let long: string;

const TONE_RATE = 8000;

/** Two workers, so long files are analysed in ranges side by side. */
// Worker threads for real: a pool that fell back to this thread would test nothing new.
const fallbacks: Error[] = [];
const pool = createAnalysisPool({ threads: 2, onFallback: (error) => fallbacks.push(error) });

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-overview-'));
  const tones = new Float32Array(10 * TONE_RATE).map((_, i) =>
    Math.sin((2 * Math.PI * (i < 5 * TONE_RATE ? 1000 : 3000) * i) / TONE_RATE),
  );
  twoTones = join(folder, 'tones.wav');
  await writeFile(twoTones, encodeWav([tones], TONE_RATE, { encoding: 'float32' }));
  ramp = join(folder, 'ramp.wav');
  const rampSamples = new Float32Array(1000).map((_, i) => (i + 1) / 1000);
  await writeFile(ramp, encodeWav([rampSamples], TONE_RATE, { encoding: 'float32' }));
  long = join(folder, 'long.wav');
  await writeFile(long, encodeWav([machineSignal(70)], SAMPLE_RATE_HZ));
}, 60_000);
afterAll(async () => {
  expect(fallbacks).toEqual([]);
  await pool.close();
  await rm(folder, { recursive: true, force: true });
});

function strongestBin(values: readonly number[], column: number, binCount: number): number {
  const row = values.slice(column * binCount, (column + 1) * binCount);
  return row.indexOf(Math.max(...row));
}

describe('planSpectrogram', () => {
  it.each([
    [8000, 1024],
    [44100, 1024],
    [48000, 1024],
    [96000, 2048],
    [192000, 4096],
  ])('takes STFT segments of %i samples at %i Hz (≥ 20 ms, 1024–4096)', (rate, segment) => {
    expect(spectrogramSegmentLength(rate)).toBe(segment);
  });

  it('gives every sample to exactly one frame when frames outnumber columns (one hour)', () => {
    const plan = planSpectrogram({ sampleRateHz: 48000, frameCount: 3600 * 48000 }, 4000);
    expect(plan).toMatchObject({ segmentLength: 1024, hopSamples: 1024, columnCount: 4000 });
    expect(plan.binCount).toBe(256);
  });

  it('overlaps frames (down to a quarter segment) to fill the columns of a short file', () => {
    const plan = planSpectrogram({ sampleRateHz: 48000, frameCount: 4 * 48000 }, 300);
    expect(plan.columnCount).toBe(300);
    expect(plan.hopSamples).toBeLessThan(1024);
    expect(planSpectrogram({ sampleRateHz: 48000, frameCount: 4 * 48000 }, 4000).hopSamples).toBe(
      256,
    );
  });

  it.each([
    [{ sampleRateHz: 48000, frameCount: 1023 }, 10, /at least 1024 frames/],
    [{ sampleRateHz: 48000, frameCount: 48000 }, 0, /columns/],
    [{ sampleRateHz: 48000, frameCount: 48000 }, 4001, /columns/],
    [{ sampleRateHz: 48000, frameCount: 48000 }, 2.5, /columns/],
  ])('refuses %j with %i columns', (info, columns, message) => {
    expect(() => planSpectrogram(info, columns)).toThrow(message);
  });
});

describe('computeSpectrogram', () => {
  it('shows each tone in its linear bin, in the columns of its half of the file', async () => {
    const grid = await computeSpectrogram(twoTones, 10);
    expect(grid).toMatchObject({ durationSeconds: 10, maxFrequencyHz: 4000, columnCount: 10 });
    // 256 bins of 4000/256 = 15.625 Hz: 1000 Hz in bin 64, 3000 Hz in bin 192.
    expect(grid.binCount).toBe(256);
    for (const column of [0, 1, 2, 3]) expect(strongestBin(grid.valuesDb, column, 256)).toBe(64);
    for (const column of [6, 7, 8, 9]) expect(strongestBin(grid.valuesDb, column, 256)).toBe(192);
    // A unit sine's PSD peak (Hann, 7.8125 Hz bins) is far above the leakage floor.
    expect(grid.valuesDb[64]).toBeGreaterThan(grid.valuesDb[128] + 60);
  });

  it('gives the same grid in worker threads as in this thread', async () => {
    const inline = await computeSpectrogram(long, 700);
    const parallel = await computeSpectrogram(long, 700, { pool });
    expect(parallel.columnCount).toBe(700);
    expect(parallel.valuesDb).toEqual(inline.valuesDb);
  }, 60_000);
});

describe('computeWaveformPeaks', () => {
  it('takes the largest |sample| of each bucket', async () => {
    const { peaks, durationSeconds } = await computeWaveformPeaks(ramp, 10);
    expect(durationSeconds).toBe(1000 / TONE_RATE);
    expect(peaks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('splits frames that do not divide evenly into buckets of ⌈b·N/count⌉ frames', async () => {
    const { peaks } = await computeWaveformPeaks(ramp, 3);
    // Buckets [0, 334), [334, 667), [667, 1000).
    expect(peaks).toEqual([0.334, 0.667, 1]);
  });

  it('gives no more buckets than frames', async () => {
    expect((await computeWaveformPeaks(ramp, 20000)).peaks).toHaveLength(1000);
  });

  it('gives the same peaks in worker threads as in this thread', async () => {
    const inline = await computeWaveformPeaks(long, 20000);
    const parallel = await computeWaveformPeaks(long, 20000, { pool });
    expect(parallel.peaks).toHaveLength(20000);
    expect(parallel.peaks).toEqual(inline.peaks);
  }, 60_000);
});
