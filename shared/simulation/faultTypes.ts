/** The fault specification of the simulator and the shape of a fault renderer. */
import type { SimMachine } from './machine.ts';
import type { Random } from './random.ts';
import type { SimContext } from './sources.ts';

/** The cause vocabulary of docs/formats.md, less `unexplained`. */
export type FaultKind =
  | 'unbalance'
  | 'misalignment'
  | 'looseness'
  | 'bearing-outer-race'
  | 'bearing-inner-race'
  | 'bearing-rolling-element'
  | 'bearing-cage'
  | 'lead-screw-contamination'
  | 'lead-screw-wear'
  | 'gear-wear'
  | 'belt'
  | 'electrical'
  | 'chatter'
  | 'lubrication';

export interface FaultSpec {
  readonly kind: FaultKind;
  /** The faulty part; default: the profile's first component of the right type. */
  readonly componentId?: string;
  /** For unbalance, misalignment, looseness; default: the first shaft. */
  readonly shaftId?: string;
  /** Strength relative to the default, in dB (+6 doubles the fault's own sound). */
  readonly levelDb?: number;
  /** Chatter only: its frequency; default: near the first mode, between spindle harmonics. */
  readonly frequencyHz?: number;
  /** Lead-screw faults only: the axis move [start, end] in seconds; default: all along. */
  readonly activeSeconds?: readonly [number, number];
}

/** Adds one fault's sound; `scale` is 10^(levelDb/20). */
export type Renderer = (
  ctx: SimContext,
  machine: SimMachine,
  fault: FaultSpec,
  random: Random,
  scale: number,
) => void;
