/**
 * The types of a parsed machine profile (docs/formats.md). They mirror the JSON format field for
 * field, so a parsed profile serialises back to a valid file.
 */
/** A shaft turns at `rpm`, or (a screw shaft) at `feedMmPerMin` ÷ its ball screw's `leadMm`. */
export type ShaftSpec =
  | { readonly id: string; readonly rpm: number }
  | { readonly id: string; readonly feedMmPerMin: number };

interface ComponentBase {
  readonly id: string;
  /** The id of the shaft the component turns with. */
  readonly shaft: string;
  readonly name?: string;
  readonly model?: string;
}

/** Bearing defect frequencies as multiples of shaft speed (catalogue values). */
export interface BearingOrders {
  readonly bpfo: number;
  readonly bpfi: number;
  readonly bsf: number;
  readonly ftf: number;
}

/** Rolling-element geometry; `contactAngleDeg` is filled in by the parser (see its defaults). */
export interface RollingGeometry {
  readonly balls: number;
  readonly ballDiameterMm: number;
  readonly pitchDiameterMm: number;
  readonly contactAngleDeg: number;
}

export type BearingComponent = ComponentBase & { readonly type: 'bearing' } & (
    BearingOrders | RollingGeometry
  );

export interface GearComponent extends ComponentBase {
  readonly type: 'gear';
  readonly teeth: number;
}

export type BallscrewComponent = ComponentBase & {
  readonly type: 'ballscrew';
  readonly leadMm: number;
} & ({ readonly ballPassOrder: number } | RollingGeometry);

export interface BeltComponent extends ComponentBase {
  readonly type: 'belt';
  readonly pulleyDiameterMm: number;
  readonly beltLengthMm: number;
}

export interface MotorComponent extends ComponentBase {
  readonly type: 'motor';
  readonly poles: number;
}

export type MachineComponent =
  BearingComponent | GearComponent | BallscrewComponent | BeltComponent | MotorComponent;

export type ComponentType = MachineComponent['type'];

export interface MachineProfile {
  readonly id: string;
  /** Defaults to `id` when the file has none. */
  readonly name: string;
  /** Mains frequency: 50 or 60 (required: guessing it would misplace every electrical line). */
  readonly lineFrequencyHz: 50 | 60;
  /** Empty when the file omits it. */
  readonly shafts: readonly ShaftSpec[];
  /** Empty when the file omits it. */
  readonly components: readonly MachineComponent[];
  /**
   * The machine's structural modes (a tap test, a modal survey), Hz: chatter is looked for near
   * them. Absent when the file omits it; then the modes found in the baseline are used.
   */
  readonly structuralModesHz?: readonly number[];
}

/** Contact angle used when the file gives none: radial ball bearing 0°, ball screw 45°. */
export const DEFAULT_CONTACT_ANGLE_DEG: Readonly<Record<'bearing' | 'ballscrew', number>> = {
  bearing: 0,
  // Ball screws run on gothic-arch grooves loaded at about 45°; 0° would shift ball-pass by ~5 %.
  ballscrew: 45,
};
