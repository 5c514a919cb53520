/**
 * The simulator's anomalies that match no kinematic pattern (shared/simulation/anomalies.ts): each
 * must be in the sound as described — a whine line on no order, a rub swelling once per spindle
 * turn, rattle bursts ringing a panel, a work cycle's knocks at their period — and absent without it.
 */
import { describe, expect, it } from 'vitest';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import type { SimulationOptions } from '../../../shared/simulation/machineSim.ts';
import { bandPower, envelopeLineDb, kurtosis, lineLevelDb, toDb } from '../../sim/probe.ts';
import { bandPass } from '../../../shared/dsp/filters.ts';

const sampleRateHz = 16000;
const base: SimulationOptions = { sampleRateHz, durationSeconds: 4.1, seed: 9 };
const spindleHz = 1480 / 60;
const healthy = simulateMachine(base);

const lineDb = (x: Float64Array, frequencyHz: number) =>
  lineLevelDb(x, sampleRateHz, frequencyHz, 1);
/** Prominence of an envelope line of the [lowHz, highHz] band over the envelope's median, dB. */
const envelopeLine = (x: Float64Array, frequencyHz: number, lowHz: number, highHz: number) =>
  envelopeLineDb(x, sampleRateHz, frequencyHz, {
    lowHz,
    highHz,
    toleranceHz: 0.3,
    floorLowHz: 0.5,
    floorHighHz: 100,
  });

describe('simulateMachine anomalies', () => {
  it('adds nothing when asked for none: the same samples as before the option existed', () => {
    const none = simulateMachine({ ...base, anomalies: [] });
    expect(Buffer.from(none.buffer).equals(Buffer.from(healthy.buffer))).toBe(true);
  });

  it('gives the same samples for the same seeds', () => {
    const options: SimulationOptions = {
      ...base,
      anomalies: [{ kind: 'rattle' }, { kind: 'rub' }],
    };
    const a = simulateMachine(options);
    const b = simulateMachine(options);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });

  it('whine: a line at 1237 Hz at least 20 dB over the healthy sound there', () => {
    const whine = simulateMachine({ ...base, anomalies: [{ kind: 'whine' }] });
    expect(lineDb(whine, 1237) - lineDb(healthy, 1237)).toBeGreaterThan(20);
  });

  it('rub: the 1.5–6 kHz band swells once per spindle turn', () => {
    const rub = simulateMachine({ ...base, anomalies: [{ kind: 'rub', levelDb: 6 }] });
    const rubLine = envelopeLine(rub, spindleHz, 1500, 6000);
    expect(rubLine).toBeGreaterThan(15);
    expect(rubLine - envelopeLine(healthy, spindleHz, 1500, 6000)).toBeGreaterThan(6);
  });

  it('rattle: impulsive bursts around its 1450 Hz panel resonance', () => {
    const rattle = simulateMachine({ ...base, anomalies: [{ kind: 'rattle' }] });
    const panel = (x: Float64Array) => bandPass(x, sampleRateHz, 1300, 1600);
    expect(kurtosis(panel(rattle))).toBeGreaterThan(2 * kurtosis(panel(healthy)));
    expect(toDb(bandPower(rattle, sampleRateHz, 1300, 1600))).toBeGreaterThan(
      toDb(bandPower(healthy, sampleRateHz, 1300, 1600)) + 3,
    );
  });

  it('work cycle: knocks at its period, and a skipped beat adds the slower rhythm', () => {
    const periodSeconds = 0.5;
    const steady = simulateMachine({ ...base, cycle: { periodSeconds } });
    const skipping = simulateMachine({ ...base, cycle: { periodSeconds, skipEvery: 2 } });
    const mean = (x: Float64Array, frequenciesHz: number[]) =>
      frequenciesHz.reduce((sum, f) => sum + envelopeLine(x, f, 1800, 7000), 0) /
      frequenciesHz.length;
    expect(mean(steady, [2, 4, 6])).toBeGreaterThan(mean(healthy, [2, 4, 6]) + 8);
    // Every second knock missing: the rhythm is 1 Hz, and its odd harmonics appear.
    expect(mean(skipping, [1, 3, 5, 7])).toBeGreaterThan(mean(steady, [1, 3, 5, 7]) + 6);
  });

  it('throws RangeError for an unknown kind or an impossible period', () => {
    expect(() =>
      simulateMachine({ ...base, anomalies: [{ kind: 'hum' as unknown as 'whine' }] }),
    ).toThrow(RangeError);
    expect(() => simulateMachine({ ...base, cycle: { periodSeconds: 0 } })).toThrow(RangeError);
  });
});
