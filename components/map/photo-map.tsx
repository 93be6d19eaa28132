"use client";
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { boundsOf, clusterPhotos, type Cluster, type PhotoPoint } from "./photo-clusters";
import { fitBounds, pan, TILE, toScreen, viewBounds, zoomAround, type Bounds, type View } from "./mercator";
import { loadWorld, type WorldShapes } from "./world-shapes";

/** The first view shows the country around the photos, not a street: the outlines are 1:110m. */
const FIRST_ZOOM_MAX = 5;

type Props = {
  points: PhotoPoint[];
  /** Called with the box in view whenever the map settles. */
  onView: (bounds: Bounds) => void;
  /** Called when a cluster or photo is tapped, with the box around its photos. */
  onOpen: (bounds: Bounds, count: number) => void;
};

/**
 * A map of where photos were taken, drawn on a canvas from Natural Earth country shapes bundled
 * with the app (world-atlas): no tile server, nothing fetched from outside the box. Drag to pan,
 * wheel or pinch or the buttons to zoom; clusters are buttons with their photo count.
 */
export function PhotoMap({ points, onView, onOpen }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<View | null>(null);
  const [world, setWorld] = useState<WorldShapes | null>(null);
  const clusters = useMemo(() => clusterPhotos(points), [points]);
  const pointers = useRef(new Map<number, { x: number; y: number }>());

  useEffect(() => void loadWorld().then(setWorld), []);
  useEffect(() => {
    const element = box.current!;
    const observer = new ResizeObserver(([entry]) => {
      const [width, height] = [Math.round(entry!.contentRect.width), Math.round(entry!.contentRect.height)];
      setSize({ width, height });
      if (width) setView((v) => v ?? fitBounds(boundsOf(points.length ? points.map((p) => [p[2], p[1]]) : [[-170, -60], [170, 75]]), width, height, 60, FIRST_ZOOM_MAX));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [points]);

  useEffect(() => {
    if (!view || !size.width || !world) return;
    const context = canvas.current!.getContext("2d")!;
    const ratio = window.devicePixelRatio || 1;
    canvas.current!.width = size.width * ratio;
    canvas.current!.height = size.height * ratio;
    drawWorld(context, world, view, size.width, size.height, ratio);
  }, [view, size, world]);

  useEffect(() => {
    if (!view || !size.width) return;
    const timer = setTimeout(() => onView(viewBounds(view, size.width, size.height)), 250);
    return () => clearTimeout(timer);
  }, [view, size, onView]);

  const shown: Cluster[] = view && size.width ? clusters.at(viewBounds(view, size.width, size.height), view.zoom) : [];
  const zoomBy = (factor: number, px = size.width / 2, py = size.height / 2) => setView((v) => v && zoomAround(v, factor, px, py, size.width, size.height));

  function onPointerDown(event: ReactPointerEvent) {
    if ((event.target as HTMLElement).closest("button")) return;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  }
  function onPointerMove(event: ReactPointerEvent) {
    const last = pointers.current.get(event.pointerId);
    if (!last) return;
    const now = { x: event.clientX, y: event.clientY };
    if (pointers.current.size === 2) {
      const other = [...pointers.current].find(([id]) => id !== event.pointerId)![1];
      const rect = box.current!.getBoundingClientRect();
      const factor = Math.hypot(now.x - other.x, now.y - other.y) / Math.max(1, Math.hypot(last.x - other.x, last.y - other.y));
      zoomBy(factor, (now.x + other.x) / 2 - rect.left, (now.y + other.y) / 2 - rect.top);
    } else {
      setView((v) => v && pan(v, now.x - last.x, now.y - last.y));
    }
    pointers.current.set(event.pointerId, now);
  }
  const onPointerUp = (event: ReactPointerEvent) => void pointers.current.delete(event.pointerId);

  useEffect(() => {
    const element = box.current!;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      setView((v) => v && zoomAround(v, Math.exp(-event.deltaY / 300), event.clientX - rect.left, event.clientY - rect.top, rect.width, rect.height));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, []);

  return (
    <div
      ref={box}
      data-testid="photo-map"
      className="relative h-[55vh] min-h-72 touch-none select-none overflow-hidden rounded-xl bg-sky-100 dark:bg-slate-800"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <canvas ref={canvas} className="absolute inset-0 h-full w-full" aria-hidden />
      {view &&
        shown.map((cluster) => {
          const [x, y] = toScreen(view, cluster.longitude, cluster.latitude, size.width, size.height);
          const diameter = Math.min(64, 28 + 6 * Math.log2(cluster.count));
          return (
            <button
              key={cluster.key}
              type="button"
              data-testid="map-cluster"
              data-count={cluster.count}
              aria-label={cluster.count === 1 ? "1 photo" : `${cluster.count} photos`}
              onClick={() => onOpen(clusters.bounds(cluster), cluster.count)}
              className="absolute flex -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-sky-700 text-sm font-semibold text-white shadow-md hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-sky-900"
              style={{ left: x, top: y, width: diameter, height: diameter }}
            >
              {cluster.count}
            </button>
          );
        })}
      <div className="absolute right-2 top-2 flex flex-col overflow-hidden rounded-lg border border-slate-300 bg-white shadow dark:border-slate-600 dark:bg-slate-900">
        <button type="button" aria-label="Zoom in" onClick={() => zoomBy(2)} className="h-9 w-9 text-xl hover:bg-slate-100 dark:hover:bg-slate-800">+</button>
        <button type="button" aria-label="Zoom out" onClick={() => zoomBy(0.5)} className="h-9 w-9 border-t border-slate-300 text-xl hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">−</button>
      </div>
      <p className="pointer-events-none absolute bottom-1 left-2 text-[10px] text-slate-600 dark:text-slate-300">Natural Earth</p>
    </div>
  );
}

function drawWorld(context: CanvasRenderingContext2D, world: WorldShapes, view: View, width: number, height: number, ratio: number) {
  const scale = TILE * 2 ** view.zoom;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  context.fillStyle = dark ? "#334155" : "#f8fafc";
  context.strokeStyle = dark ? "#64748b" : "#94a3b8";
  context.lineWidth = 0.8;
  const [left, top] = [width / 2 - view.x * scale, height / 2 - view.y * scale];
  context.beginPath();
  for (const ring of world.rings) {
    for (let i = 0; i < ring.length; i += 2) {
      const x = left + ring[i]! * scale;
      const y = top + ring[i + 1]! * scale;
      if (i === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.closePath();
  }
  context.fill("evenodd");
  context.stroke();
}
