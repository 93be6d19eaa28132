"use client";
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { boundsOf, clusterPhotos, type Cluster, type PhotoPoint } from "./photo-clusters";
import { fitBounds, pan, TILE, toScreen, unproject, viewBounds, zoomAround, type Bounds, type View } from "./mercator";
import { loadWorld, type WorldShapes } from "./world-shapes";

/** The first view shows the country around the photos, not a street: the outlines are 1:110m. */
const FIRST_ZOOM_MAX = 5;
/** A press that moves less than this is a tap (a pick), not a drag. */
const TAP_PX = 6;

type Props = {
  points?: PhotoPoint[];
  /** Called with the box in view whenever the map settles. */
  onView?: (bounds: Bounds) => void;
  /** Called when a cluster or photo is tapped, with the box around its photos. */
  onOpen?: (bounds: Bounds, count: number) => void;
  /** Picking a position: called with the latitude and longitude of a tap on the map. */
  onPick?: (latitude: number, longitude: number) => void;
  /** A pin (the position picked), also where the first view is centred when there are no points. */
  marker?: { latitude: number; longitude: number } | null;
  /** The map's height (Tailwind classes). */
  heightClass?: string;
};

const NO_POINTS: PhotoPoint[] = [];

/**
 * A map of where photos were taken, drawn on a canvas from Natural Earth country shapes bundled
 * with the app (world-atlas): no tile server, nothing fetched from outside the box. Drag to pan,
 * wheel or pinch or the buttons to zoom; clusters are buttons with their photo count.
 */
export function PhotoMap({ points = NO_POINTS, onView, onOpen, onPick, marker = null, heightClass = "h-[55vh] min-h-72" }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<View | null>(null);
  const [world, setWorld] = useState<WorldShapes | null>(null);
  const clusters = useMemo(() => clusterPhotos(points), [points]);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const press = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const [start] = useState(marker);

  useEffect(() => void loadWorld().then(setWorld), []);
  useEffect(() => {
    const element = box.current!;
    const observer = new ResizeObserver(([entry]) => {
      const [width, height] = [Math.round(entry!.contentRect.width), Math.round(entry!.contentRect.height)];
      setSize({ width, height });
      const around = points.length ? points.map((p): [number, number] => [p[2], p[1]]) : start ? [[start.longitude, start.latitude] as [number, number]] : [[-170, -60], [170, 75]] as [number, number][];
      if (width) setView((v) => v ?? fitBounds(boundsOf(around), width, height, 60, FIRST_ZOOM_MAX));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [points, start]);

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
    if (!onView) return;
    const timer = setTimeout(() => onView(viewBounds(view, size.width, size.height)), 250);
    return () => clearTimeout(timer);
  }, [view, size, onView]);

  const shown: Cluster[] = view && size.width ? clusters.at(viewBounds(view, size.width, size.height), view.zoom) : [];
  const zoomBy = (factor: number, px = size.width / 2, py = size.height / 2) => setView((v) => v && zoomAround(v, factor, px, py, size.width, size.height));

  function onPointerDown(event: ReactPointerEvent) {
    if ((event.target as HTMLElement).closest("button")) return;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    press.current = pointers.current.size === 1 ? { x: event.clientX, y: event.clientY, moved: false } : null;
  }
  function onPointerMove(event: ReactPointerEvent) {
    const last = pointers.current.get(event.pointerId);
    if (!last) return;
    const now = { x: event.clientX, y: event.clientY };
    if (press.current && Math.hypot(now.x - press.current.x, now.y - press.current.y) >= TAP_PX) press.current.moved = true;
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
  const onPointerUp = (event: ReactPointerEvent) => {
    pointers.current.delete(event.pointerId);
    const tap = press.current;
    press.current = null;
    if (!onPick || !view || !tap || tap.moved || event.type !== "pointerup") return;
    // The world point under the tap: the view's centre plus its offset from the screen's centre.
    const rect = box.current!.getBoundingClientRect();
    const world = TILE * 2 ** view.zoom;
    const [longitude, latitude] = unproject(view.x + (event.clientX - rect.left - size.width / 2) / world, view.y + (event.clientY - rect.top - size.height / 2) / world);
    onPick(latitude, longitude);
  };

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
      data-view={view ? `${view.x},${view.y},${view.zoom}` : undefined}
      className={`relative ${heightClass} touch-none select-none overflow-hidden rounded-xl bg-sky-100 dark:bg-slate-800 ${onPick ? "cursor-crosshair" : ""}`}
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
              onClick={() => onOpen?.(clusters.bounds(cluster), cluster.count)}
              className="absolute flex -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-sky-700 text-sm font-semibold text-white shadow-md hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-sky-900"
              style={{ left: x, top: y, width: diameter, height: diameter }}
            >
              {cluster.count}
            </button>
          );
        })}
      {view && marker ? <MapPin at={toScreen(view, marker.longitude, marker.latitude, size.width, size.height)} /> : null}
      <div className="absolute right-2 top-2 flex flex-col overflow-hidden rounded-lg border border-slate-300 bg-white shadow dark:border-slate-600 dark:bg-slate-900">
        <button type="button" aria-label="Zoom in" onClick={() => zoomBy(2)} className="h-9 w-9 text-xl hover:bg-slate-100 dark:hover:bg-slate-800">+</button>
        <button type="button" aria-label="Zoom out" onClick={() => zoomBy(0.5)} className="h-9 w-9 border-t border-slate-300 text-xl hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">−</button>
      </div>
      <p className="pointer-events-none absolute bottom-1 left-2 text-[10px] text-slate-600 dark:text-slate-300">Natural Earth</p>
    </div>
  );
}

/** The picked position: a pin whose point is on it. */
function MapPin({ at: [x, y] }: { at: [number, number] }) {
  return (
    <svg data-testid="map-marker" aria-hidden viewBox="0 0 24 32" className="pointer-events-none absolute h-8 w-6 -translate-x-1/2 -translate-y-full drop-shadow" style={{ left: x, top: y }}>
      <path d="M12 0C5.4 0 0 5.2 0 11.7 0 20.5 12 32 12 32s12-11.5 12-20.3C24 5.2 18.6 0 12 0z" className="fill-red-600" />
      <circle cx="12" cy="11.5" r="4.5" className="fill-white" />
    </svg>
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
