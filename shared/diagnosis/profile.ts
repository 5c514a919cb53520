/**
 * Machine profiles (docs/formats.md): the validating parser and speed overrides; the types live in
 * profileTypes.ts and are re-exported here, so callers import from this one module.
 *
 * The parser is hand-written and table-driven (profileRules.ts) so that shared/ needs no
 * validation library; every problem is a ProfileError whose message starts with the field's path.
 */
import {
  checkObject,
  componentSchemas,
  fieldPath,
  isPlainObject,
  profileSchema,
  shaftSchema,
} from './profileRules.ts';
import type { FieldProblem } from './profileRules.ts';
import type {
  BallscrewComponent,
  ComponentType,
  MachineComponent,
  MachineProfile,
  ShaftSpec,
} from './profileTypes.ts';
import { DEFAULT_CONTACT_ANGLE_DEG } from './profileTypes.ts';

export type {
  BallscrewComponent,
  BearingComponent,
  BearingOrders,
  BeltComponent,
  ComponentType,
  GearComponent,
  MachineComponent,
  MachineProfile,
  MotorComponent,
  RollingGeometry,
  ShaftSpec,
} from './profileTypes.ts';
export { DEFAULT_CONTACT_ANGLE_DEG } from './profileTypes.ts';

/** A profile that is malformed; `path` names the field (`components[2].teeth`), '' the whole. */
export class ProfileError extends Error {
  readonly path: string;
  readonly problem: string;

  constructor(path: string, problem: string) {
    super(`${path === '' ? 'profile' : path}: ${problem}`);
    this.name = 'ProfileError';
    this.path = path;
    this.problem = problem;
  }
}

const MAX_ITEMS = 1000;

function fail(problem: FieldProblem | undefined): void {
  if (problem) throw new ProfileError(problem.path, problem.problem);
}

function checkArray(value: unknown, key: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_ITEMS) {
    throw new ProfileError(key, `must be an array of at most ${MAX_ITEMS} items`);
  }
  return value;
}

function checkComponentType(value: unknown, path: string): void {
  if (!isPlainObject(value)) throw new ProfileError(path, 'must be an object (a component)');
  const types = Object.keys(componentSchemas);
  if (!Object.prototype.hasOwnProperty.call(value, 'type')) {
    throw new ProfileError(fieldPath(path, 'type'), `is required (one of ${types.join(', ')})`);
  }
  if (typeof value.type !== 'string' || !types.includes(value.type)) {
    throw new ProfileError(fieldPath(path, 'type'), `must be one of ${types.join(', ')}`);
  }
}

function checkUniqueIds(items: readonly { id: string }[], key: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      throw new ProfileError(
        `${key}[${index}].id`,
        `duplicates ${key}[${first}].id ("${item.id}")`,
      );
    }
    seen.set(item.id, index);
  });
}

function checkReferences(
  shafts: readonly ShaftSpec[],
  components: readonly MachineComponent[],
): void {
  const shaftIds = shafts.map((s) => s.id);
  components.forEach((component, index) => {
    if (!shaftIds.includes(component.shaft)) {
      const known =
        shaftIds.length > 0 ? `known: ${shaftIds.join(', ')}` : 'the profile has no shafts';
      throw new ProfileError(
        `components[${index}].shaft`,
        `names no shaft of the profile ("${component.shaft}"; ${known})`,
      );
    }
  });
  shafts.forEach((shaft, index) => {
    if (!('feedMmPerMin' in shaft)) return;
    const screws = components.filter((c) => c.type === 'ballscrew' && c.shaft === shaft.id);
    if (screws.length === 0) {
      throw new ProfileError(
        `shafts[${index}].feedMmPerMin`,
        `needs a ballscrew on shaft "${shaft.id}" whose leadMm turns feed into rpm`,
      );
    }
    const leads = new Set(screws.map((c) => (c as BallscrewComponent).leadMm));
    if (leads.size > 1) {
      const at = components.indexOf(screws[1]);
      throw new ProfileError(
        `components[${at}].leadMm`,
        `differs from the lead of "${screws[0].id}" on feed-driven shaft "${shaft.id}"`,
      );
    }
  });
}

/** At most this many structural modes: a modal survey of a machine tool names a handful. */
const MAX_MODES = 32;
/** A mode above this is beyond any recording's band, Hz. */
const MAX_MODE_HZ = 100000;

/** The optional `structuralModesHz`: each a positive frequency, refused item by item. */
function parseModes(value: unknown): { structuralModesHz?: readonly number[] } {
  if (value === undefined) return {};
  if (!Array.isArray(value) || value.length > MAX_MODES) {
    throw new ProfileError('structuralModesHz', `must be an array of at most ${MAX_MODES} items`);
  }
  value.forEach((mode, index) => {
    if (typeof mode !== 'number' || !Number.isFinite(mode) || mode <= 0 || mode > MAX_MODE_HZ) {
      throw new ProfileError(
        `structuralModesHz[${index}]`,
        `must be a positive number up to ${MAX_MODE_HZ}`,
      );
    }
  });
  return { structuralModesHz: [...(value as number[])] };
}

/** Copies only the known fields, so the result never shares or carries foreign keys. */
function pick<T>(value: Readonly<Record<string, unknown>>, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys)
    if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = value[key];
  return out as T;
}

const COMPONENT_KEYS = [
  'type',
  'id',
  'shaft',
  'name',
  'model',
  'bpfo',
  'bpfi',
  'bsf',
  'ftf',
  'balls',
  'ballDiameterMm',
  'pitchDiameterMm',
  'contactAngleDeg',
  'teeth',
  'leadMm',
  'ballPassOrder',
  'pulleyDiameterMm',
  'beltLengthMm',
  'poles',
] as const;

function parseComponent(value: unknown, path: string): MachineComponent {
  checkComponentType(value, path);
  const object = value as Readonly<Record<string, unknown>>;
  const type = object.type as ComponentType;
  fail(checkObject(object, path, componentSchemas[type]));
  const component = pick<Record<string, unknown>>(object, COMPONENT_KEYS);
  if ((type === 'bearing' || type === 'ballscrew') && 'balls' in component) {
    component.contactAngleDeg ??= DEFAULT_CONTACT_ANGLE_DEG[type];
  }
  return component as unknown as MachineComponent;
}

/**
 * Parses and validates a machine profile (docs/formats.md) given as parsed JSON. Returns a fresh
 * object holding only the known fields, with defaults filled in (`name` = `id`, `shafts` and
 * `components` = [], `contactAngleDeg` per DEFAULT_CONTACT_ANGLE_DEG). The input is not changed.
 *
 * Throws ProfileError naming the field's path for: a wrong type or range, an unknown field
 * anywhere, a missing required field, orders mixed with geometry, a duplicate shaft or component
 * id, a component on a shaft that does not exist, a feed-driven shaft without a ball screw.
 */
export function parseMachineProfile(json: unknown): MachineProfile {
  fail(checkObject(json, '', profileSchema));
  const root = json as Readonly<Record<string, unknown>>;
  const shafts = checkArray(root.shafts, 'shafts').map((value, index) => {
    const path = `shafts[${index}]`;
    fail(checkObject(value, path, shaftSchema));
    return pick<ShaftSpec>(value as Readonly<Record<string, unknown>>, [
      'id',
      'rpm',
      'feedMmPerMin',
    ]);
  });
  const components = checkArray(root.components, 'components').map((value, index) =>
    parseComponent(value, `components[${index}]`),
  );
  checkUniqueIds(shafts, 'shafts');
  checkUniqueIds(components, 'components');
  checkReferences(shafts, components);
  return {
    id: root.id as string,
    name: (root.name as string | undefined) ?? (root.id as string),
    lineFrequencyHz: root.lineFrequencyHz as 50 | 60,
    shafts,
    components,
    ...parseModes(root.structuralModesHz),
  };
}

/** `parseMachineProfile` of JSON text; a syntax error becomes a ProfileError at the root. */
export function parseMachineProfileText(text: string): MachineProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProfileError('', `is not valid JSON (${(error as Error).message})`);
  }
  return parseMachineProfile(json);
}

/**
 * Shaft speed in rpm: `rpm`, or `feedMmPerMin / leadMm` of the shaft's ball screw.
 * Throws RangeError for an unknown shaft id.
 */
export function shaftRpm(profile: MachineProfile, shaftId: string): number {
  const shaft = profile.shafts.find((s) => s.id === shaftId);
  if (!shaft) throw new RangeError(`shaftRpm: shaftId "${shaftId}" is not a shaft of the profile`);
  if ('rpm' in shaft) return shaft.rpm;
  const screw = profile.components.find((c) => c.type === 'ballscrew' && c.shaft === shaftId);
  if (!screw || screw.type !== 'ballscrew') {
    throw new RangeError(`shaftRpm: shaft "${shaftId}" has a feed but no ball screw`);
  }
  return shaft.feedMmPerMin / screw.leadMm;
}

/**
 * A copy of `profile` with the given shafts turning at the given rpm (a recording's operating
 * condition). A feed-driven shaft becomes an rpm shaft. Throws RangeError naming `speedsRpm` for
 * an unknown shaft or a speed that is not a positive finite number; `profile` is not changed.
 */
export function withShaftSpeeds(
  profile: MachineProfile,
  speedsRpm: Readonly<Record<string, number>>,
): MachineProfile {
  const known = profile.shafts.map((s) => s.id);
  for (const [shaftId, rpm] of Object.entries(speedsRpm)) {
    if (!known.includes(shaftId)) {
      throw new RangeError(
        `withShaftSpeeds: speedsRpm names shaft "${shaftId}", which the profile does not have (known: ${known.join(', ') || 'none'})`,
      );
    }
    if (typeof rpm !== 'number' || !Number.isFinite(rpm) || rpm <= 0 || rpm > 1_000_000) {
      throw new RangeError(
        `withShaftSpeeds: speedsRpm["${shaftId}"] must be a positive number of rpm`,
      );
    }
  }
  const shafts = profile.shafts.map((shaft) =>
    Object.prototype.hasOwnProperty.call(speedsRpm, shaft.id)
      ? { id: shaft.id, rpm: speedsRpm[shaft.id] }
      : shaft,
  );
  return { ...profile, shafts };
}
