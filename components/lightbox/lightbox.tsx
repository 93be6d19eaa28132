"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { getJson } from "../api";
import { formatDateTime } from "../format";
import { AlbumPicker } from "../grid/album-picker";
import type { Status } from "../grid/status-toast";
import { changeAssets } from "../grid/bulk-actions";
import { thumbhashUrl } from "../grid/thumbhash-url";
import { Icon, type IconName } from "../icons";
import type { AssetDetail, AssetSummary } from "../types";
import { EditPanel } from "./edit-panel";
import { FaceBoxes } from "./face-boxes";
import { FileStateNotice } from "./file-state-notice";
import { useFullImage } from "./full-image";
import type { ZoomState } from "./tile-grid";
import { TiledImage } from "./tiled-image";
import { InfoDrawer } from "./info-drawer";
import { ZoomView } from "./zoom-view";

type LightboxProps = { items: AssetSummary[]; index: number; onIndex: (index: number) => void; onClose: () => void; onStatus: (status: Status) => void };

function Tool({ icon, label, onClick, pressed }: { icon: IconName; label: string; onClick: () => void; pressed?: boolean }) {
  return (
    <button type="button" aria-label={label} title={label} aria-pressed={pressed} onClick={onClick} className="rounded-full p-2.5 text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white aria-pressed:text-pink-400">
      <Icon name={icon} />
    </button>
  );
}

/**
 * A video in the viewer: its sources best first (the web-playable rendition, then the original),
 * mounted once the asset's details say which exist; when none plays here, a note says why.
 */
function LightboxVideo({ summary, playback }: { summary: AssetSummary; playback: AssetDetail["playback"] | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  const poster = summary.thumbnails.md ? `/api/assets/${summary.id}/thumbnail?size=md` : undefined;
  if (!playback) return <video key={`${summary.id}-wait`} poster={poster} playsInline className="h-full w-full object-contain" />;
  return (
    <>
      <video key={`${summary.id}-${playback[0]?.url}`} poster={poster} controls playsInline className="h-full w-full object-contain" data-testid="lightbox-video" data-src-count={playback.length}>
        {playback.map((source, i) => (
          <source key={source.url} src={source.url} type={source.type} onError={i === playback.length - 1 ? () => setFailed(summary.id) : undefined} />
        ))}
      </video>
      {failed === summary.id ? (
        <p role="status" className="absolute inset-x-4 bottom-20 rounded bg-black/70 p-3 text-center text-sm text-white">
          This browser cannot play this video as it is. A playable copy is made in the background (its progress is under Admin → Job queues); the original stays downloadable.
        </p>
      ) : null}
    </>
  );
}

/**
 * Full-screen viewer over a list: arrows/swipe between items, zoom, video and Motion Photo
 * playback, a details drawer, and the everyday actions (favorite, album, download, trash, similar).
 */
export function Lightbox({ items, index, onIndex, onClose, onStatus }: LightboxProps) {
  const client = useQueryClient();
  const router = useRouter();
  const summary = items[index];
  const [panel, setPanel] = useState<"info" | "edit" | null>(null);
  const [faces, setFaces] = useState(false);
  /** Whether a zoom went past the preview's pixels (the full resolution is then loaded). */
  const [zoomed, setZoomed] = useState(false);
  const preview = useRef<HTMLImageElement>(null);
  const [motion, setMotion] = useState(false);
  const [picking, setPicking] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const { data: asset } = useQuery({
    queryKey: ["asset", summary?.id],
    queryFn: () => getJson<AssetDetail>(`/api/assets/${summary!.id}`),
    enabled: Boolean(summary),
    // An edit re-renders the thumbnails or renames the place in the background: look again until that is done.
    refetchInterval: (query) => (query.state.data?.derived.jobs.some((j) => (j.kind === "thumbnail" || j.kind === "places") && (j.status === "pending" || j.status === "running")) ? 1000 : false),
  });
  const current = asset?.id === summary?.id ? asset : undefined;
  // A very large photo is zoomed through its tiles: a phone never decodes the whole of it.
  const full = useFullImage(zoomed && current?.fullUrl && !current.tiles ? current.fullUrl : null);
  const [zoom, setZoom] = useState<ZoomState>({ scale: 1, x: 0, y: 0 });
  const [tiled, setTiled] = useState<"waiting" | "shown" | "failed">("waiting");
  const go = (delta: -1 | 1) => {
    const next = index + delta;
    if (next < 0 || next >= items.length) return;
    setZoomed(false);
    setTiled("waiting");
    setMotion(false);
    onIndex(next);
  };
  const goRef = useRef(go);
  const closeRef = useRef(onClose);
  // Before paint, not after: a key pressed as soon as the next photo shows must move from it.
  useLayoutEffect(() => {
    goRef.current = go;
    closeRef.current = onClose;
  });
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector("dialog[open]")) return;
      if (e.key === "ArrowRight") goRef.current(1);
      else if (e.key === "ArrowLeft") goRef.current(-1);
      else if (e.key === "Escape") closeRef.current();
      else if (e.key === "i") setPanel((p) => (p === "info" ? null : "info"));
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      previous?.focus();
    };
  }, []);
  if (!summary) return null;
  const act = async (change: { favorite?: boolean; trashed?: boolean }) => {
    try {
      onStatus(await changeAssets([summary.id], change));
      await client.invalidateQueries();
      if (change.trashed) onClose();
    } catch (error) {
      onStatus(`Failed: ${(error as Error).message}`);
    }
  };
  const favorite = current?.favorite ?? summary.favorite;
  // The preview's URL changes with its bytes (cached for good): a turned photo gets its new preview.
  // The list's version at once (one URL from the first paint), the details' once they show a re-render.
  const previewVersion = (current ?? summary).previewVersion;
  const previewSrc = `/api/assets/${summary.id}/thumbnail?size=md${previewVersion ? `&v=${previewVersion}` : ""}`;
  const when = formatDateTime(current?.capture.at ?? summary.capturedAt, current ? current.capture.timeZone : null, "medium");
  /** Past the preview's pixels (on this screen's density), the real ones are worth loading. */
  const onZoom = (view: ZoomState) => {
    const scale = view.scale;
    if (current?.tiles) setZoom(view);
    const img = preview.current;
    if (zoomed || !img?.naturalWidth || !current?.width) return;
    const shown = Math.min(img.clientWidth, (img.clientHeight * img.naturalWidth) / img.naturalHeight);
    if (current.width > img.naturalWidth && shown * scale * window.devicePixelRatio > img.naturalWidth * 1.05) setZoomed(true);
  };
  const togglePanel = (which: "info" | "edit") => setPanel((p) => (p === which ? null : which));
  return (
    <div ref={dialog} role="dialog" aria-modal="true" aria-label={`Viewer: ${when}`} tabIndex={-1} data-testid="lightbox" className="fixed inset-0 z-50 flex flex-col bg-black outline-none sm:flex-row">
      <div className="relative flex min-h-0 min-w-0 flex-1 flex-col">
        {/* On a phone the date has a line of its own under the buttons: it is never cut short. */}
        <div className="absolute inset-x-0 top-0 z-10 flex flex-wrap items-center gap-x-0.5 bg-gradient-to-b from-black/70 to-transparent px-1 py-1 sm:flex-nowrap sm:gap-1 sm:px-2 sm:py-2">
          <Tool icon="close" label="Close" onClick={onClose} />
          <span className="order-last basis-full whitespace-nowrap px-3 pb-1 text-sm text-white sm:order-none sm:mr-auto sm:basis-auto sm:px-1 sm:pb-0" data-testid="lightbox-when">{when}</span>
          <span className="mr-auto sm:hidden" />
          {current?.motionPhoto ? <Tool icon="motion" label={motion ? "Stop motion" : "Play motion"} pressed={motion} onClick={() => setMotion((m) => !m)} /> : null}
          <Tool icon="heart" label={favorite ? "Remove from favorites" : "Add to favorites"} pressed={favorite} onClick={() => void act({ favorite: !favorite })} />
          <Tool icon="albums" label="Add to album" onClick={() => setPicking(true)} />
          {asset?.derived.jobs.some((j) => j.kind === "clip" && j.status === "done") ? (
            <span className="hidden sm:contents">
              <Tool icon="similar" label="Similar photos" onClick={() => router.push(`/search?similar=${summary.id}`)} />
            </span>
          ) : null}
          <Tool icon="download" label="Download original" onClick={() => window.open(`/api/assets/${summary.id}/original?download=1`, "_self")} />
          {current?.faces.length ? <Tool icon="faces" label={faces ? "Hide faces" : "Show faces"} pressed={faces} onClick={() => setFaces((f) => !f)} /> : null}
          {summary.kind === "photo" || summary.kind === "video" ? <Tool icon="edit" label="Edit" pressed={panel === "edit"} onClick={() => togglePanel("edit")} /> : null}
          <Tool icon="trash" label="Move to trash" onClick={() => void act({ trashed: true })} />
          <Tool icon="info" label="Details" pressed={panel === "info"} onClick={() => togglePanel("info")} />
        </div>
        <div className="relative min-h-0 flex-1" style={{ backgroundImage: summary.thumbhash && !summary.thumbnails.md ? `url("${thumbhashUrl(summary.thumbhash)}")` : undefined, backgroundSize: "contain", backgroundPosition: "center", backgroundRepeat: "no-repeat" }}>
          {summary.kind === "video" ? (
            <LightboxVideo summary={summary} playback={asset?.id === summary.id ? asset.playback : null} />
          ) : motion && asset?.motionPhoto ? (
            <video key={`${summary.id}-motion`} src={asset.motionPhoto.videoUrl} autoPlay muted loop playsInline onEnded={() => setMotion(false)} className="h-full w-full object-contain" data-testid="lightbox-motion" />
          ) : (
            <ZoomView key={summary.id} onSwipe={go} onDismiss={onClose} onZoom={onZoom}>
              {summary.thumbnails.md || summary.thumbnails.sm ? (
                <Image ref={preview} src={previewSrc} alt={current?.caption ?? `Photo taken ${when}`} fill unoptimized sizes="100vw" className="object-contain" draggable={false} data-testid="lightbox-image" />
              ) : (
                <p className="text-white">No preview yet: the thumbnail is still being made, or this file cannot be shown.</p>
              )}
              {zoomed && current?.tiles ? <TiledImage tiles={current.tiles} zoom={zoom} onLoaded={() => setTiled("shown")} onFailed={() => setTiled((t) => (t === "shown" ? t : "failed"))} /> : null}
              {full.src ? <Image src={full.src} alt="" fill unoptimized sizes="100vw" className="object-contain" draggable={false} data-testid="lightbox-full" /> : null}
              {faces && current ? <FaceBoxes asset={current} /> : null}
            </ZoomView>
          )}
          {zoomed && !full.src && tiled !== "shown" ? (
            <p role="status" className="pointer-events-none absolute inset-x-0 bottom-4 mx-auto w-fit rounded-full bg-black/70 px-3 py-1.5 text-sm text-white" data-testid="full-progress">
              {full.error ? `Full resolution not available: ${full.error}` : tiled === "failed" ? "Full resolution not available: the box could not cut this photo into tiles." : full.progress === null ? "Preparing full resolution…" : `Loading full resolution… ${Math.round(full.progress * 100)}%`}
            </p>
          ) : null}
          {asset ? <FileStateNotice fileState={asset.fileState} /> : null}
        </div>
        {index > 0 ? (
          <button type="button" aria-label="Previous" onClick={() => go(-1)} className="absolute left-2 top-1/2 hidden -translate-y-1/2 rounded-full bg-black/50 p-3 text-white hover:bg-black/70 sm:block">
            <Icon name="left" />
          </button>
        ) : null}
        {index < items.length - 1 ? (
          <button type="button" aria-label="Next" onClick={() => go(1)} className="absolute right-2 top-1/2 hidden -translate-y-1/2 rounded-full bg-black/50 p-3 text-white hover:bg-black/70 sm:block">
            <Icon name="right" />
          </button>
        ) : null}
      </div>
      {panel && current ? (
        <div className="h-[55dvh] shrink-0 overflow-hidden rounded-t-xl sm:h-auto sm:w-96 sm:rounded-none">
          {panel === "info" ? <InfoDrawer key={current.id} asset={current} onStatus={onStatus} /> : <EditPanel key={`${current.id}-${current.capture.at}-${current.location?.latitude}`} asset={current} onStatus={onStatus} />}
        </div>
      ) : null}
      {picking ? (
        <AlbumPicker
          assetIds={[summary.id]}
          onDone={(message) => {
            setPicking(false);
            if (message) onStatus(message);
          }}
        />
      ) : null}
    </div>
  );
}
