/** Opaque ids of machines, recordings, baselines, diagnoses, imports and jobs. */
import { randomUUID } from 'node:crypto';
// What an id may look like: 1 to 64 letters, digits, '-' or '_'. Ids become file names
// (`recordings/<id>.wav`), so anything path-like is refused before it reaches the file system.
import { ID_PATTERN } from '../../shared/api/limits.ts';

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Throws TypeError naming `name` unless `value` matches ID_PATTERN. */
export function assertValidId(value: unknown, name: string): asserts value is string {
  if (!isValidId(value)) {
    throw new TypeError(`${name} must be an id of 1 to 64 letters, digits, '-' or '_'`);
  }
}

/** A random id (a UUID v4: 36 characters of the ID_PATTERN charset). */
export function randomId(): string {
  return randomUUID();
}
