/**
 * A person's setting kept in this browser's storage (localStorage): a view setting belongs to
 * the person and the browser, not to the library. Storage may refuse (private mode, a policy,
 * a full quota): reading then gives what `parse` makes of nothing, and writing forgets quietly.
 */
export type SettingStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The setting under `key`, through `parse` (which gets null when nothing could be read). */
export function readStored<T>(
  storage: SettingStorage | undefined,
  key: string,
  parse: (text: string | null) => T,
): T {
  let text: string | null = null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    // Storage refused: as if nothing were stored.
  }
  return parse(text);
}

/** Keeps `value` as JSON under `key`; a refusal only means it is not remembered. */
export function writeStored(
  storage: SettingStorage | undefined,
  key: string,
  value: unknown,
): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembered; the view still works.
  }
}

/** Parsed JSON as a plain object, or null (nothing stored, not JSON, not an object). */
export function storedObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A stored value that must be a finite number, else null. */
export function storedNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
