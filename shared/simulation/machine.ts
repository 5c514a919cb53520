/**
 * The simulated machine itself: shaft speeds from the profile, its structural modes and the
 * "fingerprint" (amplitude and phase of every tone) that stays the same from one recording of the
 * machine to the next, drawn from the machine seed, not the recording seed.
 */
import { shaftRpm } from '../diagnosis/profile.ts';
import type { MachineComponent, MachineProfile } from '../diagnosis/profile.ts';
import { createRandom, hashSeed } from './random.ts';
import type { StructuralMode } from './sources.ts';

export interface SimMachine {
  readonly profile: MachineProfile;
  /** Nominal shaft speeds in Hz, speed factor applied. */
  readonly shaftHz: ReadonlyMap<string, number>;
  readonly modes: readonly StructuralMode[];
  /** Amplitude of a shaft's healthy 1x: the first shaft (the spindle) is the loudest. */
  readonly shaftLevel: (shaftId: string) => number;
  /** Stable gain factor in [0.6, 1.4] and phase for a labelled tone of this machine. */
  readonly fingerprint: (label: string) => { readonly gain: number; readonly phase: number };
}

/** Nominal structural modes; each machine shifts them by up to ±4 %. */
const MODE_TEMPLATE: readonly StructuralMode[] = [
  { frequencyHz: 2300, decaySeconds: 0.004, gain: 1 },
  { frequencyHz: 3700, decaySeconds: 0.0025, gain: 0.7 },
  { frequencyHz: 5400, decaySeconds: 0.0018, gain: 0.5 },
];

const MAIN_SHAFT_LEVEL = 0.012;
const OTHER_SHAFT_LEVEL = 0.004;

export function buildMachine(
  profile: MachineProfile,
  machineSeed: number,
  speedFactor: number,
): SimMachine {
  const random = createRandom(machineSeed);
  const modes = MODE_TEMPLATE.map((m) => ({
    ...m,
    frequencyHz: m.frequencyHz * random.uniform(0.96, 1.04),
  }));
  const shaftHz = new Map(
    profile.shafts.map((s) => [s.id, (shaftRpm(profile, s.id) / 60) * speedFactor]),
  );
  const first = profile.shafts[0]?.id;
  return {
    profile,
    shaftHz,
    modes,
    shaftLevel: (shaftId) => (shaftId === first ? MAIN_SHAFT_LEVEL : OTHER_SHAFT_LEVEL),
    fingerprint: (label) => {
      const r = createRandom((machineSeed ^ hashSeed(label)) >>> 0);
      return { gain: r.uniform(0.6, 1.4), phase: r.uniform(0, 2 * Math.PI) };
    },
  };
}

/** Default machine seed: the profile's id, so one profile always sounds like one machine. */
export function defaultMachineSeed(profile: MachineProfile): number {
  return hashSeed(`machine:${profile.id}`);
}

/** The component a fault sits in: the named one, else the profile's first of that type. */
export function findComponent<T extends MachineComponent['type']>(
  machine: SimMachine,
  type: T,
  componentId: string | undefined,
): Extract<MachineComponent, { type: T }> {
  const found = machine.profile.components.find(
    (c) => c.type === type && (componentId === undefined || c.id === componentId),
  );
  if (!found) {
    const which = componentId === undefined ? `any ${type}` : `${type} "${componentId}"`;
    throw new RangeError(`simulateMachine: the fault needs ${which}, which the profile lacks`);
  }
  return found as Extract<MachineComponent, { type: T }>;
}

/** The speed of a shaft in Hz; the first shaft when `shaftId` is undefined. */
export function shaftSpeedHz(
  machine: SimMachine,
  shaftId: string | undefined,
): { id: string; hz: number } {
  const id = shaftId ?? machine.profile.shafts[0]?.id;
  const hz = id === undefined ? undefined : machine.shaftHz.get(id);
  if (id === undefined || hz === undefined) {
    throw new RangeError(
      `simulateMachine: the fault needs shaft "${shaftId ?? 'any'}", which the profile lacks`,
    );
  }
  return { id, hz };
}
