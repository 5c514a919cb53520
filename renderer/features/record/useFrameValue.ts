import { useEffect, useRef, useState } from 'react';
import type { LiveFrame } from './liveMessages.ts';

/**
 * One value picked from the live frames as React state: the component re-renders only when
 * the picked value changes (Object.is), so pick primitives (a rounded number, a flag) where
 * you can; frames themselves never pass through React.
 */
export function useFrameValue<T>(
  subscribe: (listener: (frame: LiveFrame) => void) => () => void,
  pick: (frame: LiveFrame) => T,
  initial: T,
): T {
  const [value, setValue] = useState<T>(initial);
  const picker = useRef(pick);
  useEffect(() => {
    picker.current = pick;
  });
  useEffect(() => subscribe((frame) => setValue(picker.current(frame))), [subscribe]);
  return value;
}
