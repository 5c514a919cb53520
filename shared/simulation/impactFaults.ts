/**
 * Faults heard as impacts ringing the structure: bearing races, rolling elements and cage, and the
 * two lead-screw faults (periodic impacts for wear, irregular ones for contamination).
 */
import { rollingElementOrders } from '../diagnosis/bearingKinematics.ts';
import type { BearingOrders } from '../diagnosis/profile.ts';
import type { FaultSpec, Renderer } from './faultTypes.ts';
import { findComponent, shaftSpeedHz } from './machine.ts';
import type { SimMachine } from './machine.ts';
import type { Random } from './random.ts';
import {
  addImpacts,
  addTone,
  highFrequencyNoise,
  mix,
  periodicImpactTimes,
  poissonImpactTimes,
} from './sources.ts';
import type { Impact, SimContext } from './sources.ts';

/** Rolling elements slip: defect rates sit 1 % below kinematics, each interval jittered by 1 %. */
export const BEARING_SLIP = 0.01;
export const BEARING_JITTER = 0.01;

function bearingSetup(
  machine: SimMachine,
  fault: FaultSpec,
): { orders: BearingOrders; hz: number } {
  const bearing = findComponent(machine, 'bearing', fault.componentId);
  const orders = 'bpfo' in bearing ? bearing : rollingElementOrders(bearing);
  return { orders, hz: shaftSpeedHz(machine, bearing.shaft).hz };
}

/** Impacts at `rateHz` (slipping), their amplitude shaped by `envelope(t)`, ringing the modes. */
function slippingImpacts(
  ctx: SimContext,
  rateHz: number,
  amplitude: number,
  random: Random,
  envelope: (t: number) => number,
): Impact[] {
  const times = periodicImpactTimes(ctx, rateHz * (1 - BEARING_SLIP), BEARING_JITTER, random);
  return times.map((t) => ({
    timeSeconds: t,
    amplitude: amplitude * envelope(t) * (1 + 0.1 * random.normal()),
  }));
}

/** Load-zone weighting at a shaft-locked rate: (1 + cos)/2, floored so the defect never vanishes. */
function loadZone(ctx: SimContext, frequencyHz: number, phase: number): (t: number) => number {
  return (t) =>
    0.25 + 0.75 * (0.5 + 0.5 * Math.cos(2 * Math.PI * frequencyHz * ctx.warpAt(t) + phase));
}

const outerRace: Renderer = (ctx, machine, fault, random, scale) => {
  const { orders, hz } = bearingSetup(machine, fault);
  addImpacts(
    ctx,
    slippingImpacts(ctx, orders.bpfo * hz, 0.05 * scale, random, () => 1),
  );
};

const innerRace: Renderer = (ctx, machine, fault, random, scale) => {
  const { orders, hz } = bearingSetup(machine, fault);
  const zone = loadZone(ctx, hz, random.uniform(0, 2 * Math.PI));
  addImpacts(ctx, slippingImpacts(ctx, orders.bpfi * hz, 0.06 * scale, random, zone));
};

const rollingElement: Renderer = (ctx, machine, fault, random, scale) => {
  const { orders, hz } = bearingSetup(machine, fault);
  const cage = loadZone(ctx, orders.ftf * hz, random.uniform(0, 2 * Math.PI));
  addImpacts(ctx, slippingImpacts(ctx, 2 * orders.bsf * hz, 0.05 * scale, random, cage));
};

/** A damaged cage: the bearing's rolling noise swells and fades once per cage turn. */
const cage: Renderer = (ctx, machine, fault, random, scale) => {
  const { orders, hz } = bearingSetup(machine, fault);
  const ftfHz = orders.ftf * hz;
  const phase = random.uniform(0, 2 * Math.PI);
  const swell = (t: number) =>
    (0.5 + 0.5 * Math.cos(2 * Math.PI * ftfHz * ctx.warpAt(t) + phase)) ** 2;
  const impacts = poissonImpactTimes(ctx, 400, random).map((t) => ({
    timeSeconds: t,
    amplitude: 0.03 * scale * swell(t) * random.logNormal(0.3),
  }));
  addImpacts(ctx, impacts);
  addTone(ctx, { frequencyHz: ftfHz, amplitude: 0.004 * scale, phase });
};

function activeWindow(ctx: SimContext, fault: FaultSpec): [number, number] {
  const end = ctx.out.length / ctx.sampleRateHz;
  const [from, to] = fault.activeSeconds ?? [0, end];
  if (!(from >= 0 && to > from)) {
    throw new RangeError(
      'simulateMachine: activeSeconds must be [start, end] with 0 <= start < end',
    );
  }
  return [from, Math.min(to, end)];
}

/** Chips in the screw: impacts at random times with random strength, and a raised high floor. */
const contamination: Renderer = (ctx, machine, fault, random, scale) => {
  findComponent(machine, 'ballscrew', fault.componentId);
  const [from, to] = activeWindow(ctx, fault);
  const impacts = poissonImpactTimes(ctx, 25, random)
    .filter((t) => t >= from && t < to)
    .map((t) => ({ timeSeconds: t, amplitude: 0.05 * scale * random.logNormal(0.7) }));
  addImpacts(ctx, impacts);
  const floor = highFrequencyNoise(
    ctx.out.length,
    ctx.sampleRateHz,
    2e-8 * scale ** 2,
    2000,
    random,
  );
  const first = Math.round(from * ctx.sampleRateHz);
  const last = Math.round(to * ctx.sampleRateHz);
  mix(
    ctx,
    floor.map((v, i) => (i >= first && i < last ? v : 0)),
  );
};

/** Worn balls or tracks: impacts at the ball-pass rate of the screw, as regular as a bearing's. */
const screwWear: Renderer = (ctx, machine, fault, random, scale) => {
  const screw = findComponent(machine, 'ballscrew', fault.componentId);
  const order = 'ballPassOrder' in screw ? screw.ballPassOrder : rollingElementOrders(screw).bpfo;
  const hz = shaftSpeedHz(machine, screw.shaft).hz;
  const [from, to] = activeWindow(ctx, fault);
  const impacts = slippingImpacts(ctx, order * hz, 0.045 * scale, random, () => 1);
  addImpacts(
    ctx,
    impacts.filter((impact) => impact.timeSeconds >= from && impact.timeSeconds < to),
  );
};

export const impactRenderers = {
  'bearing-outer-race': outerRace,
  'bearing-inner-race': innerRace,
  'bearing-rolling-element': rollingElement,
  'bearing-cage': cage,
  'lead-screw-contamination': contamination,
  'lead-screw-wear': screwWear,
} as const satisfies Record<string, Renderer>;
