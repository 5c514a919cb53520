import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { DrawGate } from './drawGate.ts';

const animationFrame = (callback: () => void) => {
  const id = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(id);
};

/**
 * A DrawGate for the chart in `element`: draws with the latest `draw` at most once per display
 * frame, paused while the element is off screen (IntersectionObserver) or the tab is hidden
 * (visibilitychange). Returns the function that asks for a draw; it is stable.
 */
export function useDrawGate(element: RefObject<HTMLElement | null>, draw: () => void): () => void {
  const [gate] = useState(() => new DrawGate(animationFrame));
  useEffect(() => {
    gate.setDraw(draw);
  }, [gate, draw]);
  useEffect(() => {
    const current = gate;
    const target = element.current;
    const onVisibility = () => current.setTabShown(document.visibilityState !== 'hidden');
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    const observer =
      target && typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) =>
            current.setOnScreen(entries[entries.length - 1].isIntersecting),
          )
        : null;
    if (target) observer?.observe(target);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      observer?.disconnect();
      current.dispose();
    };
  }, [element, gate]);
  return useCallback(() => gate.request(), [gate]);
}
