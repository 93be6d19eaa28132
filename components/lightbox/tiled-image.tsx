"use client";
/* eslint-disable @next/next/no-img-element -- tiles come and go with the view; next/image adds nothing to a 512 px JPEG */
import { useLayoutEffect, useRef, useState } from "react";
import type { ImageTiles } from "@/lib/assets/image-tiles";
import { visibleTiles, type ZoomState } from "./tile-grid";

/**
 * A very large photo drawn from its deep-zoom tiles over the preview, inside the zoom surface: only
 * the tiles in view, of the level matching the screen, are in the page (and decoded) at any time.
 * Reports when a tile has loaded, or failed to (the box could not make them).
 */
export function TiledImage({ tiles, zoom, onLoaded, onFailed }: { tiles: ImageTiles; zoom: ZoomState; onLoaded: () => void; onFailed: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const measure = () => setBox({ width: el.offsetWidth, height: el.offsetHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const placed = box ? visibleTiles(tiles, box, zoom, window.devicePixelRatio || 1) : [];
  return (
    <div ref={root} className="pointer-events-none absolute inset-0 overflow-hidden" data-testid="lightbox-tiles">
      {placed.map((t) => (
        // A hair wider than its place: no seam between neighbours on fractional pixels.
        <img key={t.key} src={t.src} alt="" draggable={false} onLoad={onLoaded} onError={onFailed} data-level={t.level} className="absolute max-w-none" style={{ left: t.left, top: t.top, width: t.width + 0.5, height: t.height + 0.5 }} />
      ))}
    </div>
  );
}
