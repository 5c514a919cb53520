/**
 * The machine-sound simulator: what a microphone next to a machine tool would record, healthy or
 * with any fault of the cause vocabulary. Deterministic: the same options give the same samples.
 * It lives in shared/ (not only tests/) because the app's first start generates its demo machine's
 * recordings with it; tests/sim adds the channel variations the tests need.
 *
 * Two seeds: `machineSeed` fixes the machine (tone levels and phases, structural modes), `seed`
 * the recording (noise, speed wander, impact times, ±10 % level variation of each tone), so
 * several recordings of one healthy machine differ as real ones do, and no more.
 */
import type { MachineProfile } from '../diagnosis/profile.ts';
import { renderAnomaly, renderWorkCycle } from './anomalies.ts';
import type { AnomalySpec, WorkCycle } from './anomalies.ts';
import { renderFault } from './faults.ts';
import type { FaultSpec } from './faults.ts';
import { buildMachine, defaultMachineSeed } from './machine.ts';
import type { SimMachine } from './machine.ts';
import { simLatheProfile } from './profiles.ts';
import { createRandom } from './random.ts';
import type { Random } from './random.ts';
import {
  addImpacts,
  addTone,
  mix,
  modeNoise,
  pinkNoise,
  poissonImpactTimes,
  whiteNoise,
} from './sources.ts';
import type { SimContext } from './sources.ts';

export type { FaultKind, FaultSpec } from './faults.ts';

/** The healthy machine's sounds; each can be scaled (0 silences it) through `mix`. */
export type SoundComponent =
  'shaftOrders' | 'gearMesh' | 'belt' | 'mainsHum' | 'noise' | 'structure' | 'workImpacts';

export interface SimulationOptions {
  /** Default: simLatheProfile (tests/sim/profiles.ts). */
  readonly profile?: MachineProfile;
  readonly sampleRateHz: number;
  readonly durationSeconds: number;
  /** The recording's seed. */
  readonly seed: number;
  /** The machine's seed; default: derived from the profile id. */
  readonly machineSeed?: number;
  /** Overall gain in dB (a microphone's sensitivity); default 0. */
  readonly gainDb?: number;
  /** Multiplies every shaft speed (load, override); default 1. Mains and modes do not move. */
  readonly speedFactor?: number;
  /** Peak slow speed wander as a fraction; default 0.002. */
  readonly speedWanderFraction?: number;
  /** Linear scale per healthy sound; default 1 each. */
  readonly mix?: Partial<Record<SoundComponent, number>>;
  readonly faults?: readonly FaultSpec[];
  /** Sounds that match no kinematic pattern (anomalies.ts); default none. */
  readonly anomalies?: readonly AnomalySpec[];
  /** A periodic work process of the machine (anomalies.ts); default none. */
  readonly cycle?: WorkCycle;
}

/** Healthy levels (amplitudes, or one-sided densities in unit²/Hz for noise). */
const LEVELS = {
  gearMesh: 0.006,
  gearSidebandDepth: 0.12,
  belt: 0.0015,
  mains: 0.0015,
  mains2x: 0.0025,
  pink: 2e-5,
  whiteFloor: 2e-10,
  modeNoise: 3e-9,
  workImpactRateHz: 2,
  workImpact: 0.012,
  toneVariation: 0.1,
};

function positive(value: unknown, name: string, max = Infinity): number {
  if (typeof value !== 'number' || !(value > 0 && value <= max)) {
    throw new RangeError(
      `simulateMachine: ${name} must be a positive number${max < Infinity ? ` up to ${max}` : ''}`,
    );
  }
  return value;
}

function checkOptions(options: SimulationOptions): void {
  positive(options.sampleRateHz, 'sampleRateHz', 384_000);
  positive(options.durationSeconds, 'durationSeconds', 3600);
  positive(options.speedFactor ?? 1, 'speedFactor', 10);
  if (!Number.isFinite(options.seed))
    throw new RangeError('simulateMachine: seed must be a finite number');
  if (!Number.isFinite(options.gainDb ?? 0))
    throw new RangeError('simulateMachine: gainDb must be a finite number');
  const wander = options.speedWanderFraction ?? 0.002;
  if (!(wander >= 0 && wander < 0.1))
    throw new RangeError('simulateMachine: speedWanderFraction must be in [0, 0.1)');
  for (const [name, value] of Object.entries(options.mix ?? {})) {
    if (!(typeof value === 'number' && value >= 0 && value < Infinity)) {
      throw new RangeError(`simulateMachine: mix.${name} must be a non-negative number`);
    }
  }
}

function makeContext(options: SimulationOptions, machine: SimMachine, random: Random): SimContext {
  const sampleRateHz = options.sampleRateHz;
  const length = Math.round(options.durationSeconds * sampleRateHz);
  const wander = options.speedWanderFraction ?? 0.002;
  // Two slow sines; warp(t) is the integral of the relative speed 1 + w(t), in closed form.
  const parts = [
    { hz: 0.11, weight: 0.6, phase: random.uniform(0, 2 * Math.PI) },
    { hz: 0.29, weight: 0.4, phase: random.uniform(0, 2 * Math.PI) },
  ];
  const speedAt = (t: number) =>
    1 +
    wander *
      parts.reduce((sum, p) => sum + p.weight * Math.sin(2 * Math.PI * p.hz * t + p.phase), 0);
  const warpAt = (t: number) =>
    t +
    parts.reduce((sum, p) => {
      const w = 2 * Math.PI * p.hz;
      return sum + ((wander * p.weight) / w) * (Math.cos(p.phase) - Math.cos(w * t + p.phase));
    }, 0);
  const warp = new Float64Array(length);
  for (let i = 0; i < length; i++) warp[i] = warpAt(i / sampleRateHz);
  return {
    sampleRateHz,
    out: new Float64Array(length),
    warp,
    warpAt,
    speedAt,
    modes: machine.modes,
  };
}

function addShaftsAndParts(
  ctx: SimContext,
  machine: SimMachine,
  random: Random,
  scale: (c: SoundComponent) => number,
) {
  const vary = () => 1 + LEVELS.toneVariation * random.normal();
  for (const [shaftId, hz] of machine.shaftHz) {
    for (let order = 1; order <= 6; order++) {
      const { gain, phase } = machine.fingerprint(`${shaftId}:${order}x`);
      const amplitude =
        scale('shaftOrders') * machine.shaftLevel(shaftId) * order ** -1.2 * gain * vary();
      addTone(ctx, { frequencyHz: order * hz, amplitude, phase });
    }
  }
  for (const part of machine.profile.components) {
    const hz = machine.shaftHz.get(part.shaft) as number;
    const { gain, phase } = machine.fingerprint(`${part.id}:mesh`);
    if (part.type === 'gear') {
      const sidebands = [{ frequencyHz: hz, depth: LEVELS.gearSidebandDepth, phase: 0.3 }];
      const amplitude = scale('gearMesh') * LEVELS.gearMesh * gain * vary();
      addTone(ctx, { frequencyHz: part.teeth * hz, amplitude, phase, modulations: sidebands });
      addTone(ctx, {
        frequencyHz: 2 * part.teeth * hz,
        amplitude: amplitude / 3,
        phase: phase + 1,
      });
    } else if (part.type === 'belt') {
      const beltHz = (Math.PI * part.pulleyDiameterMm * hz) / part.beltLengthMm;
      addTone(ctx, {
        frequencyHz: beltHz,
        amplitude: scale('belt') * LEVELS.belt * gain * vary(),
        phase,
      });
    }
  }
}

function addBackground(
  ctx: SimContext,
  profile: MachineProfile,
  random: Random,
  scale: (c: SoundComponent) => number,
) {
  const line = profile.lineFrequencyHz;
  const hum = scale('mainsHum');
  addTone(ctx, { frequencyHz: line, amplitude: hum * LEVELS.mains, phase: 0.5, clock: true });
  addTone(ctx, { frequencyHz: 2 * line, amplitude: hum * LEVELS.mains2x, phase: 0.5, clock: true });
  const n = ctx.out.length;
  if (scale('noise') > 0) {
    mix(ctx, pinkNoise(n, ctx.sampleRateHz, LEVELS.pink, random), scale('noise'));
    mix(ctx, whiteNoise(n, ctx.sampleRateHz, LEVELS.whiteFloor, random), scale('noise'));
  }
  if (scale('structure') > 0)
    mix(ctx, modeNoise(ctx, LEVELS.modeNoise, random), scale('structure'));
  const work = scale('workImpacts');
  if (work > 0) {
    const impacts = poissonImpactTimes(ctx, LEVELS.workImpactRateHz, random).map((t) => ({
      timeSeconds: t,
      amplitude: work * LEVELS.workImpact * random.logNormal(0.5),
    }));
    addImpacts(ctx, impacts);
  }
}

/**
 * Simulates a recording of a machine: shaft orders 1x–6x of every shaft, gear mesh (and 2× mesh)
 * with small ±1x sidebands, a faint belt line, mains hum at 1× and 2× line frequency, pinkish
 * broadband noise over a white floor, 3 structural modes (≈ 2.3, 3.7, 5.4 kHz) coloured by noise
 * and rung by the occasional impact of normal work, plus the sound of each fault in `faults`.
 * Returns samples (RMS ≈ 0.02 at gainDb 0); nothing above 0.45 × sampleRateHz is rendered.
 * Throws RangeError naming the option for a bad argument, or when a fault needs a part the
 * profile lacks.
 */
export function simulateMachine(options: SimulationOptions): Float64Array {
  checkOptions(options);
  const profile = options.profile ?? simLatheProfile;
  const speedFactor = options.speedFactor ?? 1;
  const machine = buildMachine(
    profile,
    options.machineSeed ?? defaultMachineSeed(profile),
    speedFactor,
  );
  const random = createRandom(options.seed);
  const ctx = makeContext(options, machine, random.fork('wander'));
  const scale = (c: SoundComponent) => options.mix?.[c] ?? 1;
  addShaftsAndParts(ctx, machine, random.fork('tones'), scale);
  addBackground(ctx, profile, random.fork('background'), scale);
  (options.faults ?? []).forEach((fault, index) => {
    renderFault(ctx, machine, fault, random.fork(`fault:${index}:${fault.kind}`));
  });
  if (options.cycle) renderWorkCycle(ctx, options.cycle, random.fork('cycle'));
  (options.anomalies ?? []).forEach((anomaly, index) => {
    renderAnomaly(ctx, machine, anomaly, random.fork(`anomaly:${index}:${anomaly.kind}`));
  });
  const gain = 10 ** ((options.gainDb ?? 0) / 20);
  if (gain !== 1) for (let i = 0; i < ctx.out.length; i++) ctx.out[i] *= gain;
  return ctx.out;
}
