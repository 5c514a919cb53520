/** The shapes of characteristic frequencies, shared by their generators (no logic here). */

export type CharacteristicKind =
  | 'shaft-order'
  | 'bearing-bpfo'
  | 'bearing-bpfi'
  | 'bearing-bsf'
  | 'bearing-2bsf'
  | 'bearing-ftf'
  | 'gear-mesh'
  | 'gear-sideband'
  | 'ballscrew-rotation'
  | 'ballscrew-ball-pass'
  | 'belt'
  | 'line'
  | 'line-2x'
  | 'pole-pass'
  | 'pole-pass-sideband';

export interface CharacteristicFrequency {
  /**
   * Unique and stable: `shaft:<shaftId>:<order>x`, `<type>:<componentId>:<what>` (e.g.
   * `bearing:spindle-front-bearing:bpfo`, `gear:headstock-gear:mesh+1`), `line:1x`, `line:2x`.
   * Profile ids cannot contain ':', so the namespaces never collide.
   */
  readonly id: string;
  /** Human-readable, e.g. "BPFO of spindle-front-bearing (SKF 6205)". */
  readonly name: string;
  readonly frequencyHz: number;
  readonly kind: CharacteristicKind;
  readonly componentId?: string;
  readonly shaftId?: string;
  /** frequencyHz ÷ the shaft's speed, for every shaft-referenced frequency (1x, 0.5x, BPFO…). */
  readonly order?: number;
  /** For a sideband: the id of its carrier (gear mesh, 2× line or the shaft's 1x). */
  readonly carrierId?: string;
  /** For a sideband: the signed multiple of the modulating frequency (−2, −1, +1, +2). */
  readonly sideband?: number;
  /** How it was computed, with the numbers: "BPFO = 3.5848 × 29.95 Hz". */
  readonly origin: string;
}

/** A shaft's speed with the words that say where it came from. */
export interface ShaftSpeed {
  readonly shaftId: string;
  readonly hz: number;
  /** "spindle at 1480 rpm", or "z-screw at 3000 mm/min ÷ 10 mm lead = 300 rpm". */
  readonly text: string;
}
