/**
 * The name of the person at this browser, for the fault log's `recordedBy` and each change's
 * `by`. Like the language it belongs to the person, not to the library (there is no sign-in
 * yet): kept in this browser's localStorage, shared by every component that shows or uses it.
 */
import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'auscult.personName';

const listeners = new Set<() => void>();
/** The name as this page knows it; storage may be disabled, so memory is the source. */
let current: string | null = null;

function read(): string {
  if (current === null) {
    try {
      current = window.localStorage.getItem(STORAGE_KEY) ?? '';
    } catch {
      // Storage disabled (privacy settings): the name lasts until the page closes.
      current = '';
    }
  }
  return current;
}

function write(name: string): void {
  current = name;
  try {
    window.localStorage.setItem(STORAGE_KEY, name);
  } catch {
    // Not fatal: the name holds until the page is closed.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface PersonNameSetting {
  /** As typed (the host trims it). */
  readonly name: string;
  readonly setName: (name: string) => void;
}

/** The remembered name and its setter; every user of the hook sees a change at once. */
export function usePersonName(): PersonNameSetting {
  const name = useSyncExternalStore(subscribe, read, () => '');
  const setName = useCallback((next: string) => write(next), []);
  return { name, setName };
}
