/**
 * The checking primitives of the baseline reader (parseSignature.ts): each value checked against
 * a rule, the first problem thrown as a BaselineError naming the field's path.
 */

/** A baseline that is malformed; `path` names the field (`model.bands.medianDb[3]`). */
export class BaselineError extends Error {
  readonly path: string;
  readonly problem: string;

  constructor(path: string, problem: string) {
    super(`${path === '' ? 'baseline' : path}: ${problem}`);
    this.name = 'BaselineError';
    this.path = path;
    this.problem = problem;
  }
}

export type JsonObject = Readonly<Record<string, unknown>>;

/** Bounds that keep a hostile file from making the engine allocate or loop without end. */
export const LIMITS = {
  maxSampleRateHz: 768_000,
  minSampleRateHz: 1000,
  maxLevelDb: 1000,
  maxBins: 1 << 20,
  maxItems: 100_000,
  maxNameLength: 255,
} as const;

export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Checks an object with exactly the `keys` given (all required) and returns it. */
export function object(
  value: unknown,
  path: string,
  label: string,
  keys: readonly string[],
): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BaselineError(path, `must be an object (${label})`);
  }
  const record = value as JsonObject;
  for (const key of Object.keys(record)) {
    if (!keys.includes(key)) throw new BaselineError(at(path, key), `is not a field of ${label}`);
  }
  for (const key of keys) {
    if (!has(record, key)) throw new BaselineError(at(path, key), 'is required');
  }
  return record;
}

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** The minimum itself is not allowed. */
  readonly aboveMin?: boolean;
  readonly integer?: boolean;
  readonly what: string;
}

export function number(value: unknown, path: string, rule: NumberRule): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.aboveMin ? value > rule.min : value >= rule.min) &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value));
  if (!ok) throw new BaselineError(path, `must be ${rule.what}`);
  return value as number;
}

export function array(
  value: unknown,
  path: string,
  minLength: number,
  maxLength: number,
): unknown[] {
  if (!Array.isArray(value) || value.length < minLength || value.length > maxLength) {
    const count = minLength === maxLength ? `${minLength}` : `${minLength} to ${maxLength}`;
    throw new BaselineError(path, `must be an array of ${count} items`);
  }
  return value;
}

export const rates = {
  sampleRate: {
    min: LIMITS.minSampleRateHz,
    max: LIMITS.maxSampleRateHz,
    what: `a sample rate from ${LIMITS.minSampleRateHz} to ${LIMITS.maxSampleRateHz} Hz`,
  },
  level: { min: -LIMITS.maxLevelDb, max: LIMITS.maxLevelDb, what: 'a level in dB within ±1000' },
  spread: { min: 0, max: LIMITS.maxLevelDb, what: 'a number of dB from 0 to 1000' },
  binWidth: { min: 0, max: 1000, aboveMin: true, what: 'a positive bin width up to 1000 Hz' },
  nonNegative: { min: 0, max: 1e9, what: 'a finite number ≥ 0' },
  rpm: { min: 0, max: 1_000_000, aboveMin: true, what: 'a positive number of rpm up to 1000000' },
  itemCount: {
    min: 1,
    max: LIMITS.maxItems,
    integer: true,
    what: `an integer from 1 to ${LIMITS.maxItems}`,
  },
  positive: { min: 0, max: 1e9, aboveMin: true, what: 'a positive finite number' },
} satisfies Record<string, NumberRule>;
