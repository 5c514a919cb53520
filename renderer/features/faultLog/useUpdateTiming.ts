import { useCallback, useEffect, useRef } from 'react';

/**
 * Measures how long the page takes from a filter or sort change to the next paint, and writes
 * it on an element (`data-update-ms`, `data-update-count`) for `npm run bench:faultlog` to read.
 * A timeout started in the next animation frame runs once that frame is painted. Attributes,
 * not state: measuring must not cause another render.
 */
export function useUpdateTiming<E extends HTMLElement>(
  result: unknown,
): { ref: React.RefObject<E | null>; markChange: () => void } {
  const ref = useRef<E>(null);
  const startedAt = useRef<number | null>(null);
  const count = useRef(0);
  const markChange = useCallback(() => {
    startedAt.current ??= performance.now();
  }, []);
  useEffect(() => {
    const start = startedAt.current;
    if (start === null) return;
    startedAt.current = null;
    const frame = requestAnimationFrame(() => {
      setTimeout(() => {
        count.current += 1;
        const element = ref.current;
        if (element === null) return;
        element.dataset.updateMs = (performance.now() - start).toFixed(1);
        element.dataset.updateCount = String(count.current);
      }, 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [result]);
  return { ref, markChange };
}
