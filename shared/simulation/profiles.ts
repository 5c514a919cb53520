/**
 * Machine profiles for tests: the format's example (docs/formats.md) as raw JSON, and the machine
 * the simulator plays by default.
 */
import { parseMachineProfile } from '../diagnosis/profile.ts';
import type { MachineProfile } from '../diagnosis/profile.ts';

/** Shafts of the lathes below (the docs/formats.md example's), as they stand in a profile file. */
export const LATHE_SHAFTS = {
  spindle: { id: 'spindle', rpm: 1480 },
  xScrew: { id: 'x-screw', rpm: 600 },
  zScrew: { id: 'z-screw', feedMmPerMin: 3000 },
} as const;

/**
 * Parts that the example, the simulated lathe and the app's demo machine share. The spindle
 * bearing has no id: each profile names it.
 */
export const LATHE_PARTS = {
  spindleBearing: {
    type: 'bearing',
    shaft: 'spindle',
    model: 'SKF 6205',
    bpfo: 3.5848,
    bpfi: 5.4152,
    bsf: 2.357,
    ftf: 0.39828,
  },
  headstockGear: { type: 'gear', id: 'headstock-gear', shaft: 'spindle', teeth: 29 },
  xBallscrew: {
    type: 'ballscrew',
    id: 'x-ballscrew',
    shaft: 'x-screw',
    leadMm: 5,
    ballPassOrder: 7.3,
  },
  spindleBelt: {
    type: 'belt',
    id: 'spindle-belt',
    shaft: 'spindle',
    pulleyDiameterMm: 120,
    beltLengthMm: 1400,
  },
  spindleMotor: { type: 'motor', id: 'spindle-motor', shaft: 'spindle', poles: 4 },
} as const;

/** The example profile of docs/formats.md, as a fresh JSON value on every call (tests may edit it). */
export function exampleProfileJson(): Record<string, unknown> {
  return {
    id: 'lathe-3',
    name: 'CK6140 lathe #3',
    lineFrequencyHz: 50,
    shafts: [{ ...LATHE_SHAFTS.spindle }, { ...LATHE_SHAFTS.xScrew }, { ...LATHE_SHAFTS.zScrew }],
    components: [
      { id: 'spindle-front-bearing', ...LATHE_PARTS.spindleBearing },
      {
        type: 'bearing',
        id: 'tailstock-bearing',
        shaft: 'spindle',
        balls: 9,
        ballDiameterMm: 7.94,
        pitchDiameterMm: 39.04,
        contactAngleDeg: 0,
      },
      { ...LATHE_PARTS.headstockGear },
      { ...LATHE_PARTS.xBallscrew },
      {
        type: 'ballscrew',
        id: 'z-ballscrew',
        shaft: 'z-screw',
        leadMm: 10,
        balls: 40,
        ballDiameterMm: 6.35,
        pitchDiameterMm: 40,
        contactAngleDeg: 45,
      },
      { ...LATHE_PARTS.spindleBelt },
      { ...LATHE_PARTS.spindleMotor },
    ],
  };
}

/**
 * The simulator's default machine: a lathe whose parts have distinct frequencies (in the example
 * profile two bearings share their kinematics and the z screw's ball pass sits 0.4 % from a BPFO,
 * which would make "which part" a coin toss). Spindle 24.667 Hz: front bearing BPFO 88.4,
 * BPFI 133.6, 2×BSF 116.3 Hz; rear angular-contact bearing BPFO 166.8, BPFI 227.8, 2×BSF 141.1 Hz;
 * gear mesh 715.3 Hz; belt 6.64 Hz; motor pole pass 1.33 Hz. x screw 10 Hz, ball pass 73 Hz;
 * z screw 5 Hz (feed 3000 mm/min, lead 10 mm), ball pass 79.9 Hz.
 */
export const simLatheProfileJson = {
  id: 'sim-lathe',
  name: 'Simulated lathe',
  lineFrequencyHz: 50,
  shafts: [
    { id: 'spindle', rpm: 1480 },
    { id: 'x-screw', rpm: 600 },
    { id: 'z-screw', feedMmPerMin: 3000 },
  ],
  components: [
    { id: 'spindle-front-bearing', ...LATHE_PARTS.spindleBearing },
    {
      type: 'bearing',
      id: 'spindle-rear-bearing',
      shaft: 'spindle',
      balls: 16,
      ballDiameterMm: 8.7,
      pitchDiameterMm: 51,
      contactAngleDeg: 25,
    },
    { ...LATHE_PARTS.headstockGear },
    { ...LATHE_PARTS.xBallscrew },
    {
      type: 'ballscrew',
      id: 'z-ballscrew',
      shaft: 'z-screw',
      leadMm: 10,
      balls: 36,
      ballDiameterMm: 6.35,
      pitchDiameterMm: 40,
      contactAngleDeg: 45,
    },
    { ...LATHE_PARTS.spindleBelt },
    { ...LATHE_PARTS.spindleMotor },
  ],
} as const;

export const simLatheProfile: MachineProfile = parseMachineProfile(simLatheProfileJson);
