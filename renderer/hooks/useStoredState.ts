import { useEffect, useState } from 'react';
import { readStored, writeStored } from '../app/storedSetting.ts';

/**
 * React state remembered by this browser under `key`: read once through `parse` (which checks
 * what comes back), written back whenever it changes.
 */
export function useStoredState<T>(
  key: string,
  parse: (text: string | null) => T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => readStored(globalThis.localStorage, key, parse));
  useEffect(() => writeStored(globalThis.localStorage, key, value), [key, value]);
  return [value, setValue];
}
