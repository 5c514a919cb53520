/**
 * Anomalies that match no kinematic pattern (issue 9): a rattle, a rub, a whine, and the machine's
 * own work cycle at a changed rhythm. None is a cause of the vocabulary, so none is in FAULT_KINDS;
 * the diagnosis should flag each as unexplained, saying what changed.
 */
import { designBiquad, filterBiquads } from './biquad.ts';
import { shaftSpeedHz } from './machine.ts';
import type { SimMachine } from './machine.ts';
import type { Random } from './random.ts';
import { addImpacts, addTone, mix, periodicImpactTimes, whiteNoise } from './sources.ts';
import type { SimContext } from './sources.ts';

export type AnomalyKind = 'rattle' | 'rub' | 'whine';

export interface AnomalySpec {
  readonly kind: AnomalyKind;
  /** Strength relative to the default, in dB. */
  readonly levelDb?: number;
  /** Whine only: its frequency; default 1237 Hz (on no order of the simulated lathe). */
  readonly frequencyHz?: number;
}

/**
 * A periodic process of the healthy machine (an indexing knock, a pump stroke): one knock every
 * `periodSeconds`, every `skipEvery`-th one left out (0: none). Its rhythm changing is the fourth
 * anomaly: the same knocks, at another period or with beats missing.
 */
export interface WorkCycle {
  readonly periodSeconds: number;
  readonly skipEvery?: number;
  /** Knock amplitude; default 0.05 (louder than the random knocks of normal work). */
  readonly amplitude?: number;
}

export const ANOMALY_KINDS: readonly AnomalyKind[] = ['rattle', 'rub', 'whine'];

/** A loose cover: bursts of knocks at no fixed rate, ringing a panel resonance of its own. */
function rattle(ctx: SimContext, random: Random, scale: number): void {
  const duration = ctx.out.length / ctx.sampleRateHz;
  const impacts: { timeSeconds: number; amplitude: number }[] = [];
  // Bursts start at random (about 1.5 per second); each is 3–8 knocks 15–40 ms apart.
  for (let t = random.exponential(0.67); t < duration; t += random.exponential(0.67)) {
    const count = 3 + Math.floor(random.uniform(0, 6));
    let at = t;
    for (let k = 0; k < count && at < duration; k++) {
      impacts.push({ timeSeconds: at, amplitude: 0.02 * scale * random.logNormal(0.5) });
      at += random.uniform(0.015, 0.04);
    }
  }
  addImpacts(ctx, impacts, [{ frequencyHz: 1450, decaySeconds: 0.006, gain: 1 }]);
}

/** Friction noise (1.5–6 kHz) that swells once per spindle turn, where the rub touches. */
function rub(ctx: SimContext, machine: SimMachine, random: Random, scale: number): void {
  const shaft = shaftSpeedHz(machine, undefined);
  const nyquistTop = 0.45 * ctx.sampleRateHz;
  if (nyquistTop < 2000) return;
  const band = [
    designBiquad('highpass', 1500, ctx.sampleRateHz, 0.7),
    designBiquad('lowpass', Math.min(6000, nyquistTop), ctx.sampleRateHz, 0.7),
  ];
  const noise = filterBiquads(
    whiteNoise(ctx.out.length, ctx.sampleRateHz, 3e-9 * scale ** 2, random),
    band,
  );
  const phase = random.uniform(0, 2 * Math.PI);
  for (let i = 0; i < noise.length; i++) {
    const turn = 0.5 + 0.5 * Math.cos(2 * Math.PI * shaft.hz * ctx.warp[i] + phase);
    noise[i] *= 2 * turn ** 4;
  }
  mix(ctx, noise);
}

/** A whine: a steady tone on no order of any shaft, wobbling slightly in level. */
function whine(ctx: SimContext, spec: AnomalySpec, random: Random, scale: number): void {
  addTone(ctx, {
    frequencyHz: spec.frequencyHz ?? 1237,
    amplitude: 0.004 * scale,
    phase: random.uniform(0, 2 * Math.PI),
    clock: true,
    modulations: [{ frequencyHz: 0.4, depth: 0.2, phase: random.uniform(0, 2 * Math.PI) }],
  });
}

/** Adds one anomaly's sound. Throws RangeError for an unknown kind. */
export function renderAnomaly(
  ctx: SimContext,
  machine: SimMachine,
  spec: AnomalySpec,
  random: Random,
): void {
  const scale = 10 ** ((spec.levelDb ?? 0) / 20);
  if (spec.kind === 'rattle') rattle(ctx, random, scale);
  else if (spec.kind === 'rub') rub(ctx, machine, random, scale);
  else if (spec.kind === 'whine') whine(ctx, spec, random, scale);
  else
    throw new RangeError(`simulateMachine: anomalies has an unknown kind "${String(spec.kind)}"`);
}

/** Adds the work cycle's knocks (0.2 % jitter: a cam or a PLC keeps time). */
export function renderWorkCycle(ctx: SimContext, cycle: WorkCycle, random: Random): void {
  if (!(cycle.periodSeconds > 0.01 && cycle.periodSeconds < 60)) {
    throw new RangeError('simulateMachine: cycle.periodSeconds must be in (0.01, 60)');
  }
  const skip = cycle.skipEvery ?? 0;
  const times = periodicImpactTimes(ctx, 1 / cycle.periodSeconds, 0.002, random);
  const knocks = times
    .filter((_, k) => !(skip > 0 && (k + 1) % skip === 0))
    .map((t) => ({ timeSeconds: t, amplitude: (cycle.amplitude ?? 0.05) * random.logNormal(0.1) }));
  addImpacts(ctx, knocks);
}
