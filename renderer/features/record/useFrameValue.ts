import { useEffect, useRef, useState } from 'react';
import type { LiveFrame } from './liveMessages.ts';

/**
 * One value picked from the live frames as React state: the component re-renders only when
 * the picked value changes (Object.is), so pick primitives (a rounded number, a flag) where
 * you can; frames themselves never pass through React. A new `subscribe` (a new capture graph,
 * or none) starts again from `initial`: a stopped microphone shows no stale level.
 */
export function useFrameValue<T>(
  subscribe: (listener: (frame: LiveFrame) => void) => () => void,
  pick: (frame: LiveFrame) => T,
  initial: T,
): T {
  const [state, setState] = useState<{ source: unknown; value: T } | null>(null);
  const picker = useRef(pick);
  useEffect(() => {
    picker.current = pick;
  });
  useEffect(() => {
    let last: { value: T } | null = null;
    return subscribe((frame) => {
      const value = picker.current(frame);
      // An unchanged value sets no state: a new state object would re-render at every frame.
      if (last !== null && Object.is(last.value, value)) return;
      last = { value };
      setState({ source: subscribe, value });
    });
  }, [subscribe]);
  return state !== null && state.source === subscribe ? state.value : initial;
}
