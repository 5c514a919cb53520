/**
 * The characteristic frequencies of one component on its shaft: one generator per component
 * type, each returning entries with the arithmetic in `origin`.
 */
import { formatNumber as f, geometryText, rollingElementOrders } from './bearingKinematics.ts';
import type {
  CharacteristicFrequency,
  CharacteristicKind,
  ShaftSpeed,
} from './characteristicTypes.ts';
import type {
  BallscrewComponent,
  BearingComponent,
  BearingOrders,
  BeltComponent,
  GearComponent,
  MachineComponent,
  MotorComponent,
} from './profile.ts';

/** Gear-mesh sidebands listed on each side: ±1 and ±2 shaft orders. */
export const GEAR_SIDEBANDS = 2;

/**
 * Pole-pass lines are listed only when the motor's slip is in (0, 15 %] of synchronous speed:
 * outside it the motor is not a mains-fed induction motor at that shaft speed (an inverter
 * drive, a gearbox between, a wrong pole count), and the arithmetic would mean nothing.
 */
export const MAX_SLIP_FRACTION = 0.15;

interface Draft {
  readonly what: string;
  readonly label: string;
  readonly kind: CharacteristicKind;
  readonly frequencyHz: number;
  readonly origin: string;
  readonly order?: number;
  /** The full id of the carrier, for sidebands. */
  readonly carrier?: string;
  readonly sideband?: number;
}

function describe(component: MachineComponent): string {
  const name = component.name ?? component.id;
  return component.model ? `${name} (${component.model})` : name;
}

function finish(
  component: MachineComponent,
  speed: ShaftSpeed,
  drafts: readonly Draft[],
): CharacteristicFrequency[] {
  const prefix = `${component.type}:${component.id}:`;
  return drafts
    .filter((d) => d.frequencyHz > 0)
    .map((d) => ({
      id: prefix + d.what,
      name: `${d.label} of ${describe(component)}`,
      frequencyHz: d.frequencyHz,
      kind: d.kind,
      componentId: component.id,
      shaftId: speed.shaftId,
      ...(d.order === undefined ? {} : { order: d.order }),
      ...(d.carrier === undefined ? {} : { carrierId: d.carrier }),
      ...(d.sideband === undefined ? {} : { sideband: d.sideband }),
      origin: d.origin,
    }));
}

function bearing(component: BearingComponent, speed: ShaftSpeed): Draft[] {
  const orders: BearingOrders = 'bpfo' in component ? component : rollingElementOrders(component);
  const hz = f(speed.hz);
  const origin = (symbol: string, which: keyof BearingOrders, factor = '') => {
    const product = `${factor}${f(orders[which])} × ${hz} Hz`;
    return 'bpfo' in component
      ? `${symbol} = ${product} (${speed.text})`
      : `${symbol} = ${factor}${geometryText(component, which)} × ${hz} Hz = ${product} (${speed.text})`;
  };
  const line = (what: keyof BearingOrders, kind: CharacteristicKind): Draft => ({
    what,
    label: what.toUpperCase(),
    kind,
    frequencyHz: orders[what] * speed.hz,
    order: orders[what],
    origin: origin(what.toUpperCase(), what),
  });
  return [
    line('bpfo', 'bearing-bpfo'),
    line('bpfi', 'bearing-bpfi'),
    line('bsf', 'bearing-bsf'),
    {
      what: '2bsf',
      label: '2×BSF',
      kind: 'bearing-2bsf',
      frequencyHz: 2 * orders.bsf * speed.hz,
      order: 2 * orders.bsf,
      origin: origin('2×BSF', 'bsf', '2 × '),
    },
    line('ftf', 'bearing-ftf'),
  ];
}

function gear(component: GearComponent, speed: ShaftSpeed): Draft[] {
  const mesh = component.teeth * speed.hz;
  const drafts: Draft[] = [
    {
      what: 'mesh',
      label: 'mesh',
      kind: 'gear-mesh',
      frequencyHz: mesh,
      order: component.teeth,
      origin: `mesh = ${component.teeth} teeth × ${f(speed.hz)} Hz (${speed.text})`,
    },
  ];
  for (const k of [-GEAR_SIDEBANDS, -1, 1, GEAR_SIDEBANDS]) {
    const sign = k < 0 ? '−' : '+';
    drafts.push({
      what: `mesh${k < 0 ? '' : '+'}${k}`,
      label: `mesh ${sign} ${Math.abs(k)}x ${speed.shaftId}`,
      kind: 'gear-sideband',
      frequencyHz: mesh + k * speed.hz,
      order: component.teeth + k,
      carrier: `gear:${component.id}:mesh`,
      sideband: k,
      origin: `mesh ${sign} ${Math.abs(k)} × ${f(speed.hz)} Hz = ${f(mesh)} ${sign} ${f(Math.abs(k) * speed.hz)} Hz`,
    });
  }
  return drafts;
}

/**
 * Ball pass from geometry is the BPFO-like rate, balls passing one point of the nut: the nut is
 * held while the screw turns, like a bearing's stationary outer ring. That is the rate at which
 * a damaged nut track or ball is struck, and the one `ballPassOrder` usually denotes.
 */
function ballscrew(component: BallscrewComponent, speed: ShaftSpeed): Draft[] {
  const hz = f(speed.hz);
  const fromOrder = 'ballPassOrder' in component;
  const order = fromOrder ? component.ballPassOrder : rollingElementOrders(component).bpfo;
  const how = fromOrder ? '' : `${geometryText(component, 'bpfo')} × ${hz} Hz = `;
  return [
    {
      what: 'rotation',
      label: 'rotation',
      kind: 'ballscrew-rotation',
      frequencyHz: speed.hz,
      order: 1,
      origin: `rotation = 1 × ${hz} Hz (${speed.text})`,
    },
    {
      what: 'ball-pass',
      label: 'ball pass',
      kind: 'ballscrew-ball-pass',
      frequencyHz: order * speed.hz,
      order,
      origin: `ball pass = ${how}${f(order)} × ${hz} Hz (${speed.text})`,
    },
  ];
}

function belt(component: BeltComponent, speed: ShaftSpeed): Draft[] {
  const order = (Math.PI * component.pulleyDiameterMm) / component.beltLengthMm;
  return [
    {
      what: 'belt',
      label: 'belt frequency',
      kind: 'belt',
      frequencyHz: order * speed.hz,
      order,
      origin: `belt = π × ${f(component.pulleyDiameterMm)} mm × ${f(speed.hz)} Hz / ${f(component.beltLengthMm)} mm`,
    },
  ];
}

function motor(component: MotorComponent, speed: ShaftSpeed, lineHz: number): Draft[] {
  const syncHz = (2 * lineHz) / component.poles;
  const slipHz = syncHz - speed.hz;
  if (!(slipHz > 0 && slipHz <= MAX_SLIP_FRACTION * syncHz)) return [];
  const pp = slipHz * component.poles;
  const drafts: Draft[] = [
    {
      what: 'pole-pass',
      label: 'pole pass',
      kind: 'pole-pass',
      frequencyHz: pp,
      origin: `pole pass = ${component.poles} poles × slip ${f(slipHz)} Hz (synchronous ${f(syncHz)} Hz − ${f(speed.hz)} Hz, ${speed.text})`,
    },
  ];
  const carriers = [
    { what: '2xline', id: 'line:2x', label: '2× line', hz: 2 * lineHz },
    { what: '1x', id: `shaft:${speed.shaftId}:1x`, label: `1x ${speed.shaftId}`, hz: speed.hz },
  ];
  for (const carrier of carriers) {
    for (const k of [-1, 1]) {
      const sign = k < 0 ? '−' : '+';
      drafts.push({
        what: `${carrier.what}${k < 0 ? '-' : '+'}pp`,
        label: `${carrier.label} ${sign} pole pass`,
        kind: 'pole-pass-sideband',
        frequencyHz: carrier.hz + k * pp,
        carrier: carrier.id,
        sideband: k,
        origin: `${carrier.label} ${sign} pole pass = ${f(carrier.hz)} ${sign} ${f(pp)} Hz`,
      });
    }
  }
  return drafts;
}

/** The frequencies of one component turning with `speed`; `lineHz` is the mains frequency. */
export function componentFrequencies(
  component: MachineComponent,
  speed: ShaftSpeed,
  lineHz: number,
): CharacteristicFrequency[] {
  switch (component.type) {
    case 'bearing':
      return finish(component, speed, bearing(component, speed));
    case 'gear':
      return finish(component, speed, gear(component, speed));
    case 'ballscrew':
      return finish(component, speed, ballscrew(component, speed));
    case 'belt':
      return finish(component, speed, belt(component, speed));
    case 'motor':
      return finish(component, speed, motor(component, speed, lineHz));
  }
}
