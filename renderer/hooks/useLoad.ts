import { useCallback, useEffect, useState } from 'react';
import { useErrorSentence } from '../api/errors.ts';

export interface Loaded<T> {
  /** null while the first load for the current `load` runs, or after it failed. */
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  readonly reload: () => void;
}

interface LoadState<T> {
  readonly source: unknown;
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
}

/**
 * Runs `load` (memoise it: a new function means new data) and again on `reload`. Data loaded by
 * an earlier `load` is never returned for a later one, so switching machines never shows the
 * previous machine's data for a moment.
 */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const describeError = useErrorSentence();
  const [state, setState] = useState<LoadState<T>>({
    source: null,
    data: null,
    error: null,
    loading: true,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setState({ source: load, data, error: null, loading: false });
      },
      (error: unknown) => {
        if (live) {
          setState((previous) => ({
            source: load,
            data: previous.source === load ? previous.data : null,
            error: describeError(error),
            loading: false,
          }));
        }
      },
    );
    return () => {
      live = false;
    };
  }, [load, version, describeError]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = state.source === load;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: !current || state.loading,
    reload,
  };
}
