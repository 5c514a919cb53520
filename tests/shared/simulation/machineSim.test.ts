import { describe, expect, it } from 'vitest';
import { expectClose } from '../../helpers/tolerance.ts';
import { defaultChatterHz } from '../../../shared/simulation/faults.ts';
import type { FaultKind } from '../../../shared/simulation/faults.ts';
import { buildMachine, defaultMachineSeed } from '../../../shared/simulation/machine.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import type { SimulationOptions } from '../../../shared/simulation/machineSim.ts';
import {
  amplitudeSpectrum,
  bandPower,
  envelopeLineDb,
  envelopeSpectrum,
  kurtosis,
  lineLevelDb,
  peakNear,
  rms,
  toDb,
} from '../../sim/probe.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';

// 16 kHz keeps the tests fast and still holds all three structural modes (≈ 2.3, 3.7, 5.4 kHz).
const sampleRateHz = 16000;
const base: SimulationOptions = { sampleRateHz, durationSeconds: 2.05, seed: 7 };
const spindleHz = 1480 / 60;
const healthy = simulateMachine(base);

/**
 * Level of the spectral line near frequencyHz, in dB. The tolerance grows with frequency because
 * the simulated drive wanders (±0.2 %), as a real one does.
 */
const line = (frequencyHz: number) => (x: Float64Array) =>
  lineLevelDb(x, sampleRateHz, frequencyHz, 0.3 + 0.004 * frequencyHz);
/** The 1.8–7 kHz band's envelope: prominence of a line over the envelope's median, in dB. */
const ENVELOPE = { lowHz: 1800, highHz: 7000, toleranceHz: 1.5, floorLowHz: 2, floorHighHz: 400 };
const envelopeLine = (frequencyHz: number) => (x: Float64Array) =>
  envelopeLineDb(x, sampleRateHz, frequencyHz, ENVELOPE);
/** Power above 3 kHz, in dB. */
const highFloor = (x: Float64Array) => toDb(bandPower(x, sampleRateHz, 3000, 7000));

describe('simulateMachine', () => {
  it('gives the same samples for the same seeds', () => {
    expect(simulateMachine(base)).toEqual(healthy);
  });

  it('gives another recording of the same machine for another seed', () => {
    const other = simulateMachine({ ...base, seed: 8 });
    expect(other).not.toEqual(healthy);
    // The machine's fingerprint stays: its spindle orders differ by the ±10 % recording
    // variation only, about 1 dB on average.
    const orders = [1, 2, 3, 4, 5, 6].map((order) => line(order * spindleHz));
    const meanDifference =
      orders.reduce((sum, level) => sum + Math.abs(level(other) - level(healthy)), 0) /
      orders.length;
    expect(meanDifference).toBeLessThan(2);
  });

  it('keeps its level near 0.02 RMS with no fault', () => {
    expect(rms(healthy)).toBeGreaterThan(0.01);
    expect(rms(healthy)).toBeLessThan(0.03);
    expect(kurtosis(healthy)).toBeLessThan(4);
  });

  it.each([-10, 10])('changes the level by exactly %i dB with gainDb', (gainDb) => {
    const louder = simulateMachine({ ...base, gainDb });
    expectClose(20 * Math.log10(rms(louder) / rms(healthy)), gainDb, 1e-9);
  });

  it('moves every shaft line with speedFactor', () => {
    const fast = amplitudeSpectrum(simulateMachine({ ...base, speedFactor: 1.04 }), sampleRateHz);
    let peakHz = 0;
    let peak = 0;
    fast.frequenciesHz.forEach((f, k) => {
      if (f > 20 && f < 30 && fast.values[k] > peak) [peak, peakHz] = [fast.values[k], f];
    });
    expectClose(peakHz, 1.04 * spindleHz, 0.5);
  });

  it('sounds the same at 48 kHz as at 16 kHz below 7 kHz', () => {
    const wide = simulateMachine({ ...base, sampleRateHz: 48000, durationSeconds: 1.4 });
    const at = (x: Float64Array, rate: number, f: number) =>
      peakNear(amplitudeSpectrum(x, rate), f, 0.8);
    expectClose(
      20 * Math.log10(at(wide, 48000, 2 * spindleHz) / at(healthy, sampleRateHz, 2 * spindleHz)),
      0,
      1.5,
    );
    const band = (x: Float64Array, rate: number) => bandPower(x, rate, 400, 1500);
    expectClose(toDb(band(wide, 48000) / band(healthy, sampleRateHz)), 0, 1.5);
  });

  it.each([
    [{ sampleRateHz: 0 }, /sampleRateHz must be a positive number/],
    [{ durationSeconds: -1 }, /durationSeconds must be a positive number/],
    [{ speedFactor: Number.NaN }, /speedFactor must be a positive number/],
    [{ gainDb: Infinity }, /gainDb must be a finite number/],
    [{ mix: { noise: -1 } }, /mix.noise must be a non-negative number/],
    [{ faults: [{ kind: 'gremlins' as FaultKind }] }, /faults has an unknown kind "gremlins"/],
    [{ faults: [{ kind: 'gear-wear', componentId: 'nope' }] as const }, /needs gear "nope"/],
  ])('rejects %o, naming the option', (bad, message) => {
    expect(() => simulateMachine({ ...base, durationSeconds: 0.1, ...bad })).toThrow(message);
  });
});

describe('simulated faults', () => {
  // Several cases listen to the same fault: simulate each once.
  const simulated = new Map<FaultKind, Float64Array>();
  const fault = (kind: FaultKind) => {
    if (!simulated.has(kind)) simulated.set(kind, simulateMachine({ ...base, faults: [{ kind }] }));
    return simulated.get(kind) as Float64Array;
  };
  const bpfo = 3.5848 * spindleHz;
  const bpfi = 5.4152 * spindleHz;
  const slip = 0.99;

  const cases: [FaultKind, string, number, (x: Float64Array) => number][] = [
    ['unbalance', '1x', 10, line(spindleHz)],
    ['misalignment', '2x', 10, line(2 * spindleHz)],
    ['misalignment', '3x', 8, line(3 * spindleHz)],
    ['looseness', '0.5x', 10, line(0.5 * spindleHz)],
    ['looseness', '2.5x', 10, line(2.5 * spindleHz)],
    ['looseness', '7x', 10, line(7 * spindleHz)],
    ['bearing-outer-race', 'the envelope at BPFO', 20, envelopeLine(slip * bpfo)],
    ['bearing-outer-race', 'the envelope at 2×BPFO', 15, envelopeLine(2 * slip * bpfo)],
    ['bearing-inner-race', 'the envelope at BPFI', 20, envelopeLine(slip * bpfi)],
    ['bearing-inner-race', 'the envelope at BPFI − 1x', 15, envelopeLine(slip * bpfi - spindleHz)],
    [
      'bearing-rolling-element',
      'the envelope at 2×BSF',
      20,
      envelopeLine(slip * 2 * 2.357 * spindleHz),
    ],
    ['bearing-cage', 'the envelope at FTF', 15, envelopeLine(slip * 0.39828 * spindleHz)],
    ['lead-screw-wear', 'the envelope at the x screw ball pass', 20, envelopeLine(slip * 73)],
    ['lead-screw-contamination', 'the high-frequency floor', 5, highFloor],
    ['gear-wear', 'mesh + 1x', 10, line(30 * spindleHz)],
    ['gear-wear', 'mesh − 2x', 10, line(27 * spindleHz)],
    ['gear-wear', '2× mesh', 10, line(58 * spindleHz)],
    ['belt', '2× belt frequency', 10, line((2 * Math.PI * 120 * spindleHz) / 1400)],
    [
      'belt',
      'the envelope at the belt frequency',
      15,
      envelopeLine((Math.PI * 120 * spindleHz) / 1400),
    ],
    ['electrical', '2× line', 10, line(100)],
    ['electrical', '2× line + pole pass', 10, line(100 + 4 * (25 - spindleHz))],
    ['electrical', '1x − pole pass', 10, line(spindleHz - 4 * (25 - spindleHz))],
    ['lubrication', 'the high-frequency floor', 3, highFloor],
  ];

  it.each(cases)(
    '%s raises %s by at least %i dB over the healthy machine',
    (kind, _where, minimumDb, measure) => {
      expect(measure(fault(kind)) - measure(healthy)).toBeGreaterThanOrEqual(minimumDb);
    },
  );

  it("makes misalignment's 2x stronger than its 1x", () => {
    const x = fault('misalignment');
    expect(line(2 * spindleHz)(x)).toBeGreaterThan(line(spindleHz)(x));
  });

  it('lets outer-race impacts slip about 1 % below the kinematic BPFO', () => {
    const envelope = envelopeSpectrum(fault('bearing-outer-race'), sampleRateHz, 1800, 7000);
    let peakHz = 0;
    let peak = 0;
    envelope.frequenciesHz.forEach((f, k) => {
      if (Math.abs(f - bpfo) < 3 && envelope.values[k] > peak)
        [peak, peakHz] = [envelope.values[k], f];
    });
    expectClose(peakHz, slip * bpfo, 0.6);
  });

  it('tells contamination (irregular impacts) from wear (periodic impacts) in the envelope', () => {
    const contaminated = fault('lead-screw-contamination');
    const worn = fault('lead-screw-wear');
    const atBallPass = envelopeLine(slip * 73);
    expect(atBallPass(worn) - atBallPass(contaminated)).toBeGreaterThan(15);
    expect(kurtosis(contaminated)).toBeGreaterThan(10);
  });

  it('confines contamination to the axis move given in activeSeconds', () => {
    const x = simulateMachine({
      ...base,
      faults: [{ kind: 'lead-screw-contamination', activeSeconds: [1, 2] }],
    });
    const half = sampleRateHz;
    const still = highFloor(x.subarray(0, half)) - highFloor(healthy.subarray(0, half));
    const moving =
      highFloor(x.subarray(half, 2 * half)) - highFloor(healthy.subarray(half, 2 * half));
    expect(Math.abs(still)).toBeLessThan(0.01);
    expect(moving).toBeGreaterThan(5);
  });

  it('keeps lubrication free of impacts', () => {
    expect(kurtosis(fault('lubrication'))).toBeLessThan(3.5);
  });

  it('puts chatter on a strong line that is no harmonic of the spindle or the gear mesh', () => {
    const chatterHz = defaultChatterHz(
      buildMachine(simLatheProfile, defaultMachineSeed(simLatheProfile), 1),
    );
    expect(line(chatterHz)(fault('chatter')) - line(chatterHz)(healthy)).toBeGreaterThan(20);
    const orders = chatterHz / spindleHz;
    expect(Math.abs(orders - Math.round(orders))).toBeGreaterThan(0.4);
    const meshOrders = orders / 29;
    expect(Math.abs(meshOrders - Math.round(meshOrders)) * 29).toBeGreaterThan(0.02 * orders);
  });

  it('scales a fault with levelDb', () => {
    const quiet = { shaftOrders: 0, noise: 0, structure: 0, workImpacts: 0 };
    const weak = simulateMachine({
      ...base,
      mix: quiet,
      faults: [{ kind: 'unbalance', levelDb: -6 }],
    });
    const strong = simulateMachine({ ...base, mix: quiet, faults: [{ kind: 'unbalance' }] });
    expectClose(line(spindleHz)(strong) - line(spindleHz)(weak), 6, 0.05);
  });
});
