/**
 * node:sqlite answers synchronously; the store interfaces are async so that a server's store
 * can share them. A table here is written as the synchronous twin of its interface and wrapped.
 */

/** The synchronous twin of an interface whose methods all return promises. */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

/** Runs one synchronous piece of work when the store allows it (see sqliteStore.ts). */
export type Runner = <R>(work: () => R) => Promise<R>;

/** The async interface over `table`: every call goes through `run`. */
export function asyncTable<T>(table: Synchronous<T>, run: Runner): T {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(table as Record<string, unknown>)) {
    const fn = method as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => run(() => fn(...args));
  }
  return out as T;
}

export type { Clock } from '../types.ts';
