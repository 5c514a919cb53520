/**
 * The embedding study's model (scripts/eval/embeddingModel.ts): log-mel frames put a tone in its
 * band, the PCA finds known axes and leaves the known residual, and a detector trained on noise
 * flags a new sound but not another stretch of the same noise.
 */
import { describe, expect, it } from 'vitest';
import {
  EMBEDDING,
  fitPca,
  logMelFrames,
  momentsOf,
  scoreFrames,
  trainDetector,
} from '../../../scripts/eval/embeddingModel.ts';

const RATE_HZ = 16000;

/** A seeded uniform generator (mulberry32, exact in 32-bit integers): the same numbers every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
}

function noise(seed: number, seconds: number): Float64Array {
  const next = random(seed);
  return Float64Array.from({ length: seconds * RATE_HZ }, () => 0.1 * gaussian(next));
}

describe('logMelFrames', () => {
  it('puts a 1 kHz tone in the band around 1 kHz and stacks the context frames', () => {
    const tone = Float64Array.from({ length: RATE_HZ }, (_, i) =>
      Math.sin((2 * Math.PI * 1000 * i) / RATE_HZ),
    );
    const { dims, rows } = logMelFrames(tone, RATE_HZ);
    expect(dims).toBe(EMBEDDING.melBands * EMBEDDING.context);
    const first = Array.from(rows[0].subarray(0, EMBEDDING.melBands));
    const loudest = first.indexOf(Math.max(...first));
    const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
    const step = (mel(RATE_HZ / 2) - mel(EMBEDDING.lowestHz)) / (EMBEDDING.melBands + 1);
    const expected = (mel(1000) - mel(EMBEDDING.lowestHz)) / step - 1;
    expect(Math.abs(loudest - expected)).toBeLessThanOrEqual(1);
    // Row 1's first frame is row 0's second: the frames are stacked in time order.
    expect(rows[1].subarray(0, EMBEDDING.melBands)).toEqual(
      rows[0].subarray(EMBEDDING.melBands, 2 * EMBEDDING.melBands),
    );
  });
});

describe('fitPca', () => {
  it('finds the axes of largest variance and leaves the variance of the others', () => {
    const dims = 40;
    const next = random(7);
    const spread = (d: number) => (d < 20 ? 20 / (d + 1) : 0.1);
    const rows = Array.from({ length: 4000 }, () =>
      Float64Array.from({ length: dims }, (_, d) => 5 + spread(d) * gaussian(next)),
    );
    const pca = fitPca([momentsOf({ dims, rows })]);
    pca.axes.slice(0, 8).forEach((axis, c) => expect(Math.abs(axis[c])).toBeGreaterThan(0.99));
    const scores = scoreFrames(pca, { dims, rows });
    let left = 0;
    for (let d = 16; d < dims; d++) left += spread(d) ** 2;
    expect(scores['16-mean']).toBeGreaterThan(0.85 * (left / dims));
    expect(scores['16-mean']).toBeLessThan(1.15 * (left / dims));
  });
});

describe('trainDetector', () => {
  it('flags noise with a new whistle and not another stretch of the healthy noise', () => {
    const frames = [1, 2, 3, 4].map((seed) => logMelFrames(noise(seed, 2), RATE_HZ));
    const detector = trainDetector(frames, frames.map(momentsOf));
    const healthy = scoreFrames(detector.pca, logMelFrames(noise(9, 2), RATE_HZ));
    const whistle = noise(10, 2).map(
      (v, i) => v + 0.2 * Math.sin((2 * Math.PI * 3100 * i) / RATE_HZ),
    );
    const changed = scoreFrames(detector.pca, logMelFrames(whistle, RATE_HZ));
    for (const key of ['8-mean', '16-p95']) {
      expect(healthy[key]).toBeLessThan(detector.thresholds[key]);
      expect(changed[key]).toBeGreaterThan(detector.thresholds[key]);
    }
  });
});
