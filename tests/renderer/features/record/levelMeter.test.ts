import { describe, expect, it } from 'vitest';
import {
  CLIP_THRESHOLD,
  LevelTracker,
  METER_FLOOR_DBFS,
  toDbfs,
} from '../../../../renderer/features/record/levelMeter.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

const RATE = 8000;

/** A sine at a quarter of the sample rate, starting at its crest: samples A, 0, −A, 0, … */
function sine(amplitude: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) =>
    Math.fround(amplitude * Math.cos((Math.PI / 2) * i)),
  );
}

describe('toDbfs', () => {
  it.each([
    [1, 0],
    [0.5, -6.0206],
    [0.001, -60],
    [0, METER_FLOOR_DBFS],
    [1e-9, METER_FLOOR_DBFS],
  ])('reads %f as %f dBFS', (amplitude, dbfs) => {
    expectClose(toDbfs(amplitude), dbfs, 1e-4);
  });
});

describe('LevelTracker', () => {
  it('reads a half-scale sine as −6.02 dBFS peak and −9.03 dBFS RMS', () => {
    const tracker = new LevelTracker(RATE);
    tracker.push(sine(0.5, 0.1));
    const reading = tracker.take();
    expectClose(reading.peakDbfs, -6.0206, 1e-3);
    expectClose(reading.rmsDbfs, -9.0309, 1e-3);
    expect(reading.clipping).toBe(false);
  });

  it('reads only the stretch since the last take, over every block of it', () => {
    const tracker = new LevelTracker(RATE);
    tracker.push(sine(0.5, 0.1));
    tracker.take();
    tracker.push(sine(0.01, 0.05));
    tracker.push(sine(0.1, 0.05));
    expectClose(tracker.take().peakDbfs, -20, 1e-3);
  });

  it('repeats the last reading when no samples came', () => {
    const tracker = new LevelTracker(RATE);
    tracker.push(sine(0.25, 0.1));
    const first = tracker.take();
    expect(tracker.take()).toEqual(first);
  });

  it('reports clipping for a second after a sample at full scale, then not', () => {
    const tracker = new LevelTracker(RATE, 1);
    const block = sine(0.5, 0.1);
    block[block.length - 1] = CLIP_THRESHOLD;
    tracker.push(block);
    expect(tracker.take().clipping).toBe(true);
    tracker.push(sine(0.5, 0.9));
    expect(tracker.take().clipping).toBe(true);
    tracker.push(sine(0.5, 0.2));
    expect(tracker.take().clipping).toBe(false);
  });

  it('does not call 0.98 clipping', () => {
    const tracker = new LevelTracker(RATE);
    tracker.push(sine(0.98, 0.1));
    expect(tracker.take().clipping).toBe(false);
  });

  it.each([[0], [-1], [NaN]])('rejects a sample rate of %f', (rate) => {
    expect(() => new LevelTracker(rate)).toThrow(RangeError);
  });
});
