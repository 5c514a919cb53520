import { useCallback, useState } from 'react';

/** A set of chosen ids with a toggle, for lists with checkboxes. */
export function useSelection(): [ReadonlySet<string>, (id: string, selected: boolean) => void] {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  return [selected, toggle];
}
