"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ZoomState } from "./tile-grid";

const MAX_SCALE = 6;
const SWIPE_PX = 60;

/**
 * Pan/zoom surface: wheel or pinch to zoom, double-click/tap toggles 2.5×, drag pans while
 * zoomed; at 1× a horizontal swipe asks for the previous/next item and a swipe down for closing. Reports the zoom and pan so the
 * lightbox can swap in the full-resolution original or its tiles.
 *
 * Touch moves are cancelled (a non-passive listener: React's are passive), so the browser makes no
 * scroll or fling of its own out of a swipe. `touch-action: none` alone still lets Chromium start a
 * fling on a quick flick, and a tap while a fling runs only stops it: the tap on Close right after a
 * swipe was swallowed.
 */
export function ZoomView({ children, onSwipe, onDismiss, onZoom }: { children: ReactNode; onSwipe: (direction: -1 | 1) => void; onDismiss: () => void; onZoom: (view: ZoomState) => void }) {
  const [view, setView] = useState({ scale: 1, x: 0, y: 0 });
  const surface = useRef<HTMLDivElement>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ startX: number; startY: number; base: typeof view; pinch: number | null } | null>(null);
  const apply = (next: typeof view) => {
    const scale = Math.min(MAX_SCALE, Math.max(1, next.scale));
    const settled = scale === 1 ? { scale, x: 0, y: 0 } : { ...next, scale };
    setView(settled);
    onZoom(settled);
  };
  useEffect(() => {
    const el = surface.current;
    if (!el) return;
    const cancel = (e: TouchEvent) => e.cancelable && e.preventDefault();
    el.addEventListener("touchmove", cancel, { passive: false });
    return () => el.removeEventListener("touchmove", cancel);
  }, []);
  const distance = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : null;
  };
  return (
    <div
      ref={surface}
      data-testid="zoom-view"
      className="relative flex h-full w-full touch-none select-none items-center justify-center overflow-hidden"
      onWheel={(e) => apply({ ...view, scale: view.scale * (e.deltaY < 0 ? 1.2 : 1 / 1.2) })}
      onDoubleClick={() => apply(view.scale > 1 ? { scale: 1, x: 0, y: 0 } : { ...view, scale: 2.5 })}
      onPointerDown={(e) => {
        pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
        e.currentTarget.setPointerCapture(e.pointerId);
        gesture.current = { startX: e.clientX, startY: e.clientY, base: view, pinch: distance() };
      }}
      onPointerMove={(e) => {
        if (!pointers.current.has(e.pointerId) || !gesture.current) return;
        pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
        const g = gesture.current;
        const d = distance();
        if (d && g.pinch) apply({ ...g.base, scale: (g.base.scale * d) / g.pinch });
        else if (g.base.scale > 1) apply({ ...g.base, x: g.base.x + e.clientX - g.startX, y: g.base.y + e.clientY - g.startY });
      }}
      onPointerUp={(e) => {
        pointers.current.delete(e.pointerId);
        const g = gesture.current;
        gesture.current = null;
        if (g && g.base.scale === 1 && !g.pinch && pointers.current.size === 0) {
          const [dx, dy] = [e.clientX - g.startX, e.clientY - g.startY];
          if (Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) onSwipe(dx < 0 ? 1 : -1);
          else if (dy > 2 * SWIPE_PX && dy > 2 * Math.abs(dx)) onDismiss();
        }
      }}
      onPointerCancel={(e) => {
        pointers.current.delete(e.pointerId);
        gesture.current = null;
      }}
    >
      <div className="flex h-full w-full items-center justify-center" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}>
        {children}
      </div>
    </div>
  );
}
