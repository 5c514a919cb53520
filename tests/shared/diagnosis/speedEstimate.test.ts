/**
 * Speed from the sound on the simulator: the simulated lathe rendered from 0.85× to 1.15× its
 * profile's speeds, healthy and with faults of several kinds. The spindle (the drive, whose
 * speed places every kinematic frequency) must come within 1 %; a screw shaft may be
 * unidentifiable (the simulated x screw turns at exactly twice the z screw, so their harmonics
 * coincide), but then its confidence must stay below the level diagnosis trusts.
 */
import { describe, expect, it } from 'vitest';
import { MIN_TRUSTED_CONFIDENCE } from '../../../shared/diagnosis/speed/estimate.ts';
import { estimateShaftSpeeds } from '../../../shared/diagnosis/speed/estimate.ts';
import { shaftRpm } from '../../../shared/diagnosis/profile.ts';
import type { FaultKind } from '../../../shared/simulation/faults.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';

const RATE_HZ = 16000;
const SPEED_FACTORS = [0.85, 0.93, 1.0, 1.07, 1.15];
const KINDS: readonly (FaultKind | 'healthy')[] = [
  'healthy',
  'bearing-outer-race',
  'bearing-inner-race',
  'misalignment',
  'gear-wear',
  'lead-screw-wear',
  'chatter',
  'looseness',
  'unbalance',
];

function estimate(speedFactor: number, kind: FaultKind | 'healthy', seed: number) {
  const samples = simulateMachine({
    sampleRateHz: RATE_HZ,
    durationSeconds: 4,
    seed,
    speedFactor,
    faults: kind === 'healthy' ? [] : [{ kind }],
  });
  return estimateShaftSpeeds(samples, RATE_HZ, simLatheProfile);
}

const relativeError = (rpm: number, shaftId: string, factor: number) =>
  rpm / (shaftRpm(simLatheProfile, shaftId) * factor) - 1;

describe('speed estimation on the simulated lathe', () => {
  SPEED_FACTORS.forEach((factor, f) => {
    it(`finds the spindle within 1 % at ${factor}× its profile speed, healthy and faulty`, () => {
      KINDS.forEach((kind, k) => {
        const estimates = estimate(factor, kind, 100 + 10 * f + k);
        const spindle = estimates[0];
        expect(spindle.shaftId).toBe('spindle');
        expect(Math.abs(relativeError(spindle.rpm, 'spindle', factor)), kind).toBeLessThan(0.01);
        expect(spindle.confidence, kind).toBeGreaterThanOrEqual(MIN_TRUSTED_CONFIDENCE);
        for (const other of estimates.slice(1)) {
          const error = Math.abs(relativeError(other.rpm, other.shaftId, factor));
          // Right, or not trusted: never a confident wrong speed.
          if (error >= 0.01)
            expect(other.confidence, `${kind} ${other.shaftId}`).toBeLessThan(
              MIN_TRUSTED_CONFIDENCE,
            );
        }
      });
    });
  });

  it('gives the same estimates, bit for bit, on every run', () => {
    expect(estimate(1.07, 'gear-wear', 5)).toEqual(estimate(1.07, 'gear-wear', 5));
  });

  it('reports the searched range around the profile speed and a confidence in [0, 1]', () => {
    const [spindle] = estimate(1, 'healthy', 3);
    expect(spindle.nominalRpm).toBe(1480);
    expect(spindle.minRpm).toBeCloseTo(1480 * 0.6);
    expect(spindle.maxRpm).toBeCloseTo(1480 * 1.4);
    expect(spindle.confidence).toBeGreaterThan(0);
    expect(spindle.confidence).toBeLessThanOrEqual(1);
  });

  it('has no confidence in a recording with no shaft lines (noise only)', () => {
    const noise = simulateMachine({
      sampleRateHz: RATE_HZ,
      durationSeconds: 4,
      seed: 9,
      mix: { shaftOrders: 0, gearMesh: 0, belt: 0, mainsHum: 0, workImpacts: 0 },
    });
    for (const e of estimateShaftSpeeds(noise, RATE_HZ, simLatheProfile)) {
      expect(e.confidence, e.shaftId).toBeLessThan(MIN_TRUSTED_CONFIDENCE);
    }
  });
});
