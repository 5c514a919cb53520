/**
 * The field rules of the machine profile (docs/formats.md), as data: one table per object kind.
 * `checkObject` walks a table and reports the first problem with the field's path, so every
 * message reads `components[2].teeth: must be a positive integer`.
 */

/** One field's rule: what it accepts and, when it does not, the problem in words. */
export interface FieldRule {
  readonly problem: string;
  readonly accepts: (value: unknown) => boolean;
}

/** A set of fields that come together, e.g. a bearing's orders or its geometry. */
export interface FieldGroup {
  readonly label: string;
  readonly required: Readonly<Record<string, FieldRule>>;
  readonly optional?: Readonly<Record<string, FieldRule>>;
}

/** The rules of one kind of object. Exactly one of `alternatives` must be given, when listed. */
export interface ObjectSchema {
  readonly label: string;
  readonly required: Readonly<Record<string, FieldRule>>;
  readonly optional: Readonly<Record<string, FieldRule>>;
  readonly alternatives?: readonly FieldGroup[];
  /** Checks between fields of the same object: returns [field, problem] or undefined. */
  readonly refine?: (value: Readonly<Record<string, unknown>>) => [string, string] | undefined;
}

/** A problem found at a path; `parseMachineProfile` turns it into a ProfileError. */
export interface FieldProblem {
  readonly path: string;
  readonly problem: string;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_TEXT_LENGTH = 200;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Upper bounds keep hostile numbers from overflowing frequencies to Infinity. */
function positiveNumber(max: number): FieldRule {
  return {
    problem: `must be a positive number up to ${max}`,
    accepts: (v) => isFiniteNumber(v) && v > 0 && v <= max,
  };
}

function positiveInteger(max: number): FieldRule {
  return {
    problem: `must be a positive integer up to ${max}`,
    accepts: (v) => isFiniteNumber(v) && Number.isInteger(v) && v >= 1 && v <= max,
  };
}

export const idRule: FieldRule = {
  problem: 'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  accepts: (v) => typeof v === 'string' && ID_PATTERN.test(v),
};

const textRule: FieldRule = {
  problem: `must be a string of at most ${MAX_TEXT_LENGTH} characters`,
  accepts: (v) => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH,
};

/** Mains frequency: only the two that exist, so a typo (5, 500) is caught at once. */
const lineFrequencyRule: FieldRule = {
  problem: 'must be 50 or 60',
  accepts: (v) => v === 50 || v === 60,
};

const polesRule: FieldRule = {
  problem: 'must be an even integer from 2 to 200',
  accepts: (v) => isFiniteNumber(v) && Number.isInteger(v) && v >= 2 && v <= 200 && v % 2 === 0,
};

const contactAngleRule: FieldRule = {
  problem: 'must be a number of degrees from 0 up to (not including) 90',
  accepts: (v) => isFiniteNumber(v) && v >= 0 && v < 90,
};

const rpmRule = positiveNumber(1_000_000);
const lengthMmRule = positiveNumber(100_000);
const orderRule = positiveNumber(1000);
const countRule = positiveInteger(10_000);

function literal(value: string): FieldRule {
  return { problem: `must be "${value}"`, accepts: (v) => v === value };
}

const componentCommon = {
  required: { id: idRule, shaft: idRule },
  optional: { name: textRule, model: textRule },
};

function rollingGeometry(label: string): FieldGroup {
  return {
    label,
    required: { balls: countRule, ballDiameterMm: lengthMmRule, pitchDiameterMm: lengthMmRule },
    optional: { contactAngleDeg: contactAngleRule },
  };
}

function ballSmallerThanPitch(v: Readonly<Record<string, unknown>>): [string, string] | undefined {
  if (isFiniteNumber(v.ballDiameterMm) && isFiniteNumber(v.pitchDiameterMm)) {
    if (v.ballDiameterMm >= v.pitchDiameterMm) {
      return ['ballDiameterMm', 'must be smaller than pitchDiameterMm'];
    }
  }
  return undefined;
}

export const profileSchema: ObjectSchema = {
  label: 'a machine profile',
  required: { id: idRule, lineFrequencyHz: lineFrequencyRule },
  // shafts and components are arrays: parseMachineProfile checks them item by item.
  optional: {
    name: textRule,
    shafts: { problem: '', accepts: () => true },
    components: { problem: '', accepts: () => true },
    structuralModesHz: { problem: '', accepts: () => true },
  },
};

export const shaftSchema: ObjectSchema = {
  label: 'a shaft',
  required: { id: idRule },
  optional: {},
  alternatives: [
    { label: 'rpm', required: { rpm: rpmRule } },
    { label: 'feedMmPerMin (for a screw shaft)', required: { feedMmPerMin: rpmRule } },
  ],
};

export const componentSchemas: Readonly<Record<string, ObjectSchema>> = {
  bearing: {
    label: 'a bearing',
    required: { type: literal('bearing'), ...componentCommon.required },
    optional: componentCommon.optional,
    alternatives: [
      {
        label: 'orders (bpfo, bpfi, bsf, ftf)',
        required: { bpfo: orderRule, bpfi: orderRule, bsf: orderRule, ftf: orderRule },
      },
      rollingGeometry('geometry (balls, ballDiameterMm, pitchDiameterMm)'),
    ],
    refine: ballSmallerThanPitch,
  },
  gear: {
    label: 'a gear',
    required: { type: literal('gear'), ...componentCommon.required, teeth: countRule },
    optional: componentCommon.optional,
  },
  ballscrew: {
    label: 'a ballscrew',
    required: { type: literal('ballscrew'), ...componentCommon.required, leadMm: lengthMmRule },
    optional: componentCommon.optional,
    alternatives: [
      { label: 'ballPassOrder', required: { ballPassOrder: orderRule } },
      rollingGeometry('geometry (balls, ballDiameterMm, pitchDiameterMm)'),
    ],
    refine: ballSmallerThanPitch,
  },
  belt: {
    label: 'a belt',
    required: {
      type: literal('belt'),
      ...componentCommon.required,
      pulleyDiameterMm: lengthMmRule,
      beltLengthMm: lengthMmRule,
    },
    optional: componentCommon.optional,
    refine: (v) =>
      isFiniteNumber(v.pulleyDiameterMm) &&
      isFiniteNumber(v.beltLengthMm) &&
      v.beltLengthMm <= Math.PI * v.pulleyDiameterMm
        ? ['beltLengthMm', 'must be longer than π × pulleyDiameterMm (the belt wraps the pulley)']
        : undefined,
  },
  motor: {
    label: 'a motor',
    required: { type: literal('motor'), ...componentCommon.required, poles: polesRule },
    optional: componentCommon.optional,
  },
};

export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `components[2]` + `teeth` → `components[2].teeth`; the profile itself has the empty path. */
export function fieldPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function has(object: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function groupKeys(group: FieldGroup): string[] {
  return [...Object.keys(group.required), ...Object.keys(group.optional ?? {})];
}

function knownKeys(schema: ObjectSchema): Set<string> {
  const keys = [...Object.keys(schema.required), ...Object.keys(schema.optional)];
  for (const group of schema.alternatives ?? []) keys.push(...groupKeys(group));
  return new Set(keys);
}

function checkFields(
  object: Readonly<Record<string, unknown>>,
  path: string,
  required: Readonly<Record<string, FieldRule>>,
  optional: Readonly<Record<string, FieldRule>>,
  missingProblem: string,
): FieldProblem | undefined {
  for (const [key, rule] of Object.entries(required)) {
    if (!has(object, key)) return { path: fieldPath(path, key), problem: missingProblem };
    if (!rule.accepts(object[key])) return { path: fieldPath(path, key), problem: rule.problem };
  }
  for (const [key, rule] of Object.entries(optional)) {
    if (has(object, key) && !rule.accepts(object[key])) {
      return { path: fieldPath(path, key), problem: rule.problem };
    }
  }
  return undefined;
}

function checkAlternatives(
  object: Readonly<Record<string, unknown>>,
  path: string,
  schema: ObjectSchema,
): FieldProblem | undefined {
  const groups = schema.alternatives ?? [];
  if (groups.length === 0) return undefined;
  const present = groups.filter((g) => groupKeys(g).some((key) => has(object, key)));
  if (present.length === 0) {
    const choices = groups.map((g) => g.label).join(' or ');
    return { path, problem: `${schema.label} needs ${choices}` };
  }
  if (present.length > 1) {
    const [first, second] = present;
    const key = groupKeys(second).find((k) => has(object, k)) as string;
    const other = groupKeys(first).find((k) => has(object, k)) as string;
    return {
      path: fieldPath(path, key),
      problem: `cannot be combined with ${other}: give one of ${first.label} or ${second.label}`,
    };
  }
  const group = present[0];
  return checkFields(
    object,
    path,
    group.required,
    group.optional ?? {},
    `is required with ${group.label}`,
  );
}

/**
 * Checks one object against its schema and returns its first problem, in this order: not an
 * object, unknown field (a typo is named as such), required and optional fields in table order,
 * the alternatives, then the cross-field refinement.
 */
export function checkObject(
  value: unknown,
  path: string,
  schema: ObjectSchema,
): FieldProblem | undefined {
  if (!isPlainObject(value)) return { path, problem: `must be an object (${schema.label})` };
  const known = knownKeys(schema);
  for (const key of Object.keys(value)) {
    if (!known.has(key))
      return { path: fieldPath(path, key), problem: `is not a field of ${schema.label}` };
  }
  const fieldProblem = checkFields(value, path, schema.required, schema.optional, 'is required');
  if (fieldProblem) return fieldProblem;
  const alternativeProblem = checkAlternatives(value, path, schema);
  if (alternativeProblem) return alternativeProblem;
  const refined = schema.refine?.(value);
  return refined ? { path: fieldPath(path, refined[0]), problem: refined[1] } : undefined;
}
