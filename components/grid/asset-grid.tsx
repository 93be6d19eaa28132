"use client";
import { useEffect, useRef } from "react";
import type { AssetSummary } from "../types";
import { AssetTile } from "./asset-tile";
import type { Selection } from "./use-selection";

/**
 * A plain responsive grid (albums, search results, people, places, memories): these lists are
 * short enough not to need virtualization. `onEnd` loads the next page when the end scrolls into view.
 */
export function AssetGrid({ items, selection, onOpen, onEnd }: { items: AssetSummary[]; selection: Selection; onOpen: (index: number) => void; onEnd?: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!onEnd || !sentinel.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onEnd(), { rootMargin: "600px" });
    observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [onEnd]);
  return (
    <>
      <ul className="grid grid-cols-3 gap-0.5 sm:grid-cols-4 md:grid-cols-5 lg:grid-cols-7 xl:grid-cols-8" aria-label="Photos">
        {items.map((asset, index) => (
          <li key={asset.id} className="aspect-square">
            <AssetTile asset={asset} selected={selection.selected.has(asset.id)} selecting={selection.active} onOpen={() => onOpen(index)} onToggle={(range) => selection.toggle(asset.id, range)} />
          </li>
        ))}
      </ul>
      <div ref={sentinel} />
    </>
  );
}
