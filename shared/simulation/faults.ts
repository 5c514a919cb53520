/**
 * The faults of the cause vocabulary (docs/formats.md), each rendered as the physics and the rules of
 * thumb of docs/diagnosis.md describe it. Every renderer adds to the healthy sound; `levelDb` scales a
 * fault's own sound (0 = a clear but not extreme case). Impact faults live in impactFaults.ts.
 */
import { designBiquad, filterBiquads } from './biquad.ts';
import type { FaultKind, FaultSpec, Renderer } from './faultTypes.ts';
import { impactRenderers } from './impactFaults.ts';
import { findComponent, shaftSpeedHz } from './machine.ts';
import type { SimMachine } from './machine.ts';
import type { Random } from './random.ts';
import {
  addImpacts,
  addTone,
  highFrequencyNoise,
  mix,
  modeNoise,
  periodicImpactTimes,
  whiteNoise,
} from './sources.ts';
import type { SimContext } from './sources.ts';

export type { FaultKind, FaultSpec } from './faultTypes.ts';

function shaftTone(
  ctx: SimContext,
  machine: SimMachine,
  fault: FaultSpec,
  order: number,
  relative: number,
): void {
  const shaft = shaftSpeedHz(machine, fault.shaftId);
  const { phase } = machine.fingerprint(`${shaft.id}:${order}x`);
  addTone(ctx, {
    frequencyHz: order * shaft.hz,
    amplitude: relative * machine.shaftLevel(shaft.id),
    phase,
  });
}

const unbalance: Renderer = (ctx, machine, fault, _random, scale) =>
  shaftTone(ctx, machine, fault, 1, 5 * scale);

const misalignment: Renderer = (ctx, machine, fault, _random, scale) => {
  shaftTone(ctx, machine, fault, 2, 2.5 * scale);
  shaftTone(ctx, machine, fault, 3, 1.2 * scale);
};

/** Many harmonics and half orders, and a rattle: impacts every turn, alternately strong and weak. */
const looseness: Renderer = (ctx, machine, fault, random, scale) => {
  const shaft = shaftSpeedHz(machine, fault.shaftId);
  const level = machine.shaftLevel(shaft.id) * scale;
  for (let twice = 1; twice <= 20; twice++) {
    const amplitude = level * (twice % 2 === 0 ? 0.8 : 0.6) * (twice / 2) ** -0.3;
    addTone(ctx, {
      frequencyHz: (twice / 2) * shaft.hz,
      amplitude,
      phase: random.uniform(0, 2 * Math.PI),
    });
  }
  const times = periodicImpactTimes(ctx, shaft.hz, 0.002, random);
  const rattle = times.map((t, k) => ({
    timeSeconds: t,
    amplitude: 0.02 * scale * (k % 2 === 0 ? 1 : 0.45),
  }));
  addImpacts(ctx, rattle, [...ctx.modes, { frequencyHz: 350, decaySeconds: 0.004, gain: 0.6 }]);
};

const gearWear: Renderer = (ctx, machine, fault, _random, scale) => {
  const gear = findComponent(machine, 'gear', fault.componentId);
  const hz = shaftSpeedHz(machine, gear.shaft).hz;
  const mesh = gear.teeth * hz;
  const { phase } = machine.fingerprint(`${gear.id}:mesh`);
  const sidebands = (depth1: number, depth2: number) => [
    { frequencyHz: hz, depth: depth1, phase: 0.3 },
    { frequencyHz: 2 * hz, depth: depth2, phase: 1.1 },
  ];
  addTone(ctx, {
    frequencyHz: mesh,
    amplitude: 0.012 * scale,
    phase,
    modulations: sidebands(0.8, 0.4),
  });
  addTone(ctx, {
    frequencyHz: 2 * mesh,
    amplitude: 0.008 * scale,
    phase: phase + 1,
    modulations: sidebands(0.7, 0.3),
  });
  addTone(ctx, { frequencyHz: 3 * mesh, amplitude: 0.004 * scale, phase: phase + 2 });
};

/** A worn belt: lines at the belt frequency and its harmonics, and flutter of the band it rubs. */
const belt: Renderer = (ctx, machine, fault, random, scale) => {
  const component = findComponent(machine, 'belt', fault.componentId);
  const hz = shaftSpeedHz(machine, component.shaft).hz;
  const beltHz = (Math.PI * component.pulleyDiameterMm * hz) / component.beltLengthMm;
  for (let h = 1; h <= 6; h++) {
    addTone(ctx, {
      frequencyHz: h * beltHz,
      amplitude: 0.008 * scale * h ** -0.7,
      phase: random.uniform(0, 2 * Math.PI),
    });
  }
  if (1500 < 0.45 * ctx.sampleRateHz) {
    const band = designBiquad('bandpass', 1500, ctx.sampleRateHz, 1);
    const rub = filterBiquads(
      whiteNoise(ctx.out.length, ctx.sampleRateHz, 4e-8 * scale ** 2, random),
      [band],
    );
    for (let i = 0; i < rub.length; i++)
      rub[i] *= 1 + 0.8 * Math.cos(2 * Math.PI * beltHz * ctx.warp[i]);
    mix(ctx, rub);
  }
};

/** Electrical: a strong 2× line with pole-pass sidebands, and pole-pass sidebands around 1x. */
const electrical: Renderer = (ctx, machine, fault, random, scale) => {
  const motor = findComponent(machine, 'motor', fault.componentId);
  const shaft = shaftSpeedHz(machine, motor.shaft);
  const line = machine.profile.lineFrequencyHz;
  const syncHz = (2 * line) / motor.poles;
  const slipHz = syncHz > shaft.hz ? syncHz - shaft.hz : 0.01 * syncHz;
  const pp = { frequencyHz: slipHz * motor.poles, phase: random.uniform(0, 2 * Math.PI) };
  addTone(ctx, {
    frequencyHz: 2 * line,
    amplitude: 0.012 * scale,
    phase: 0.5,
    clock: true,
    modulations: [{ ...pp, depth: 0.5 }],
  });
  const level = machine.shaftLevel(shaft.id);
  addTone(ctx, {
    frequencyHz: shaft.hz,
    amplitude: level * scale,
    phase: 1.3,
    modulations: [{ ...pp, depth: 0.6 }],
  });
};

/**
 * The default chatter frequency: about 5 % above the first mode, half-way between two spindle
 * harmonics, and moved on by whole spindle orders while within 2 % of a gear-mesh harmonic.
 */
export function defaultChatterHz(machine: SimMachine): number {
  const spindle = shaftSpeedHz(machine, undefined).hz;
  const target = (machine.modes[0]?.frequencyHz ?? 2300) * 1.05;
  let chatterHz = (Math.floor(target / spindle) + 0.5) * spindle;
  const meshes = machine.profile.components.flatMap((c) =>
    c.type === 'gear' ? [c.teeth * (machine.shaftHz.get(c.shaft) as number)] : [],
  );
  const nearMesh = (f: number) =>
    meshes.some((mesh) => Math.abs(f / mesh - Math.round(f / mesh)) * mesh < 0.02 * f);
  for (let tries = 0; tries < 50 && nearMesh(chatterHz); tries++) chatterHz += spindle;
  return chatterHz;
}

const chatter: Renderer = (ctx, machine, fault, random, scale) => {
  const frequencyHz = fault.frequencyHz ?? defaultChatterHz(machine);
  const wobble = [{ frequencyHz: 0.7, depth: 0.3, phase: random.uniform(0, 2 * Math.PI) }];
  addTone(ctx, {
    frequencyHz,
    amplitude: 0.03 * scale,
    phase: 0,
    clock: true,
    modulations: wobble,
  });
  addTone(ctx, {
    frequencyHz: 2 * frequencyHz,
    amplitude: 0.006 * scale,
    phase: 1,
    clock: true,
    modulations: wobble,
  });
};

/** Dry running: friction raises the broadband floor and the modes it excites, with no rhythm. */
const lubrication: Renderer = (ctx, _machine, _fault, random, scale) => {
  mix(ctx, highFrequencyNoise(ctx.out.length, ctx.sampleRateHz, 1.5e-8 * scale ** 2, 1500, random));
  mix(ctx, modeNoise(ctx, 2e-8 * scale ** 2, random));
};

const renderers: Readonly<Record<FaultKind, Renderer>> = {
  unbalance,
  misalignment,
  looseness,
  ...impactRenderers,
  'gear-wear': gearWear,
  belt,
  electrical,
  chatter,
  lubrication,
};

/** Every fault kind the simulator knows, in vocabulary order. */
export const FAULT_KINDS = Object.keys(renderers) as FaultKind[];

/** Adds one fault's sound to the recording. Throws RangeError for an unknown kind or missing part. */
export function renderFault(
  ctx: SimContext,
  machine: SimMachine,
  fault: FaultSpec,
  random: Random,
): void {
  const renderer = Object.prototype.hasOwnProperty.call(renderers, fault.kind)
    ? renderers[fault.kind]
    : undefined;
  if (!renderer)
    throw new RangeError(`simulateMachine: faults has an unknown kind "${String(fault.kind)}"`);
  renderer(ctx, machine, fault, random, 10 ** ((fault.levelDb ?? 0) / 20));
}
