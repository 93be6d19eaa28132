"use client";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { formatDateTime, formatDuration, kindLabel } from "../format";
import { Icon } from "../icons";
import type { AssetSummary } from "../types";
import { useThumbhashUrl } from "./thumbhash-url";
import { smallThumbnailUrl } from "./thumbnail-url";
import { useSettledInView } from "./use-settled-in-view";

const LONG_PRESS_MS = 400;

type TileProps = {
  asset: AssetSummary;
  selected: boolean;
  selecting: boolean;
  /** On the first screen: the thumbnail is requested at once, at high priority (it is the LCP). */
  eager?: boolean;
  onOpen: () => void;
  onToggle: (range: boolean) => void;
};

function describe(asset: AssetSummary): string {
  return `${kindLabel(asset.kind)}, ${formatDateTime(asset.capturedAt, null, "medium")}${asset.favorite ? ", favorite" : ""}${asset.offline ? ", offline (its library cannot be reached)" : ""}`;
}

/**
 * One square of a grid: the blurred ThumbHash at once, the small WebP thumbnail over it once the
 * tile has settled near the viewport and the image arrives (a load still in flight when the tile
 * unmounts is dropped, so the browser cancels it). Click opens (or toggles while selecting);
 * shift/ctrl-click and a touch long-press select. The select circle shows on hover with a mouse and
 * always while selecting; a touch screen (no hover) has it only while selecting, never invisible but tappable.
 * A photo whose library is away (stale) carries an "Offline" badge, and says so in its label.
 */
export function AssetTile({ asset, selected, selecting, eager = false, onOpen, onToggle }: TileProps) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pressed = useRef(false);
  const start = useRef({ x: 0, y: 0 });
  const [loaded, setLoaded] = useState(false);
  // A video's silent preview clip plays while the pointer rests on it (hover, or a finger held down).
  const [previewing, setPreviewing] = useState(false);
  const preview = (on: boolean) => asset.kind === "video" && setPreviewing(on);
  const root = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const near = useSettledInView(root) || eager;
  const placeholder = useThumbhashUrl(loaded ? null : asset.thumbhash);
  useLayoutEffect(() => {
    // Already in the browser's memory (e.g. the server's first screen showed it): shown at once, no placeholder, no fade.
    if (image.current?.complete && image.current.naturalWidth > 0) setLoaded(true);
  }, [near]);
  useEffect(() => {
    const img = image.current;
    return () => {
      if (img && !img.complete) img.removeAttribute("src");
    };
  }, [near]);
  const cancelPress = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  return (
    <div ref={root} className={`group relative h-full w-full select-none overflow-hidden [-webkit-touch-callout:none] bg-slate-200 dark:bg-slate-800 ${selected ? "ring-4 ring-inset ring-sky-500" : ""}`} style={{ backgroundImage: cssUrl(placeholder), backgroundSize: "cover" }}>
      {asset.thumbnails.sm ? (
        near ? (
          // A plain <img>: the box already sized the thumbnail, and next/image's per-image state and effects cost every tile of a screen at start-up.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            ref={image}
            src={smallThumbnailUrl(asset)}
            alt=""
            decoding="async"
            loading={eager ? "eager" : "lazy"}
            fetchPriority={eager ? "high" : undefined}
            onLoad={() => setLoaded(true)}
            className={`absolute inset-0 h-full w-full object-cover text-transparent transition duration-200 ${loaded ? "opacity-100" : "opacity-0"} ${selected ? "scale-90 rounded-md" : ""}`}
            draggable={false}
          />
        ) : null
      ) : (
        <span className="absolute inset-0 flex items-center justify-center text-slate-600 dark:text-slate-300">
          <Icon name={asset.kind === "document" || asset.kind === "file" ? "documents" : "photos"} className="h-8 w-8" />
        </span>
      )}
      {previewing ? (
        <video src={`/api/assets/${asset.id}/video?variant=preview`} muted autoPlay loop playsInline onError={() => setPreviewing(false)} className="pointer-events-none absolute inset-0 h-full w-full object-cover" data-testid="tile-preview" />
      ) : null}
      <button
        type="button"
        aria-label={describe(asset)}
        aria-pressed={selecting ? selected : undefined}
        data-asset-id={asset.id}
        className="absolute inset-0 focus-visible:outline-4 focus-visible:-outline-offset-4 focus-visible:outline-sky-500"
        onContextMenu={(e) => e.preventDefault()}
        onMouseEnter={() => preview(true)}
        onMouseLeave={() => preview(false)}
        onTouchStart={(e) => {
          preview(true);
          const touch = e.touches[0]!;
          pressed.current = false;
          start.current = { x: touch.clientX, y: touch.clientY };
          timer.current = setTimeout(() => {
            pressed.current = true;
            onToggle(false);
          }, LONG_PRESS_MS);
        }}
        onTouchMove={(e) => {
          if (Math.hypot(e.touches[0]!.clientX - start.current.x, e.touches[0]!.clientY - start.current.y) <= 10) return;
          cancelPress();
          preview(false);
        }}
        onTouchEnd={() => {
          cancelPress();
          preview(false);
        }}
        onClick={(e) => {
          if (pressed.current) {
            pressed.current = false;
            return;
          }
          if (e.shiftKey || e.ctrlKey || e.metaKey || selecting) onToggle(e.shiftKey);
          else onOpen();
        }}
      />
      <button
        type="button"
        aria-label={selected ? "Deselect" : "Select"}
        onClick={(e) => onToggle(e.shiftKey)}
        className={`absolute left-1 top-1 rounded-full p-0.5 transition ${selected ? "bg-sky-600 text-white" : "bg-black/40 text-white"} ${selected || selecting ? "opacity-100" : "opacity-0 group-hover:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:hidden"}`}
      >
        <Icon name="check" className="h-4 w-4" />
      </button>
      {asset.kind === "video" ? (
        <span className="pointer-events-none absolute bottom-1 right-1 flex items-center gap-0.5 rounded bg-black/60 px-1 text-xs text-white">
          <Icon name="play" className="h-3 w-3" />
          {asset.durationMs ? formatDuration(asset.durationMs) : ""}
        </span>
      ) : null}
      {asset.offline ? (
        <span className="pointer-events-none absolute right-1 top-1 flex items-center gap-0.5 rounded bg-black/60 px-1 text-xs text-white" title="Offline: its library cannot be reached" data-testid="tile-offline" aria-hidden="true">
          <Icon name="offline" className="h-3 w-3" />
          Offline
        </span>
      ) : null}
      {asset.favorite ? (
        <span className="pointer-events-none absolute bottom-1 left-1 text-white drop-shadow">
          <Icon name="heart" className="h-4 w-4" />
        </span>
      ) : null}
    </div>
  );
}

function cssUrl(url: string | undefined): string | undefined {
  return url ? `url("${url}")` : undefined;
}
