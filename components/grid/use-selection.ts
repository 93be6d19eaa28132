"use client";
import { useCallback, useRef, useState } from "react";

/**
 * Multi-select over an ordered list of ids: toggle, shift-click ranges from the last anchor,
 * select-all/clear. `ids` is read at call time, so a growing list (paging) is fine.
 */
export function useSelection(ids: () => string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const toggle = useCallback(
    (id: string, range = false) => {
      // Read before the update: React runs the updater later, after the anchor below has moved on.
      const order = ids();
      const from = range && anchor.current ? order.indexOf(anchor.current) : -1;
      const to = order.indexOf(id);
      setSelected((current) => {
        const next = new Set(current);
        if (from >= 0 && to >= 0) {
          for (const x of order.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(x);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = id;
    },
    [ids],
  );
  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);
  return { selected, toggle, clear, active: selected.size > 0 };
}

export type Selection = ReturnType<typeof useSelection>;
