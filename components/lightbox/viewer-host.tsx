"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { createContext, Suspense, useCallback, useContext, useRef, useState, type ReactNode, type RefObject } from "react";
import { getJson } from "../api";
import { StatusToast, type Status } from "../grid/status-toast";
import type { AssetDetail, AssetSummary } from "../types";
import { VIEWER_PARAM } from "./viewer-param";

// The viewer's code (zoom, info drawer, editors) loads when a photo first opens, not with every page.
const Lightbox = dynamic(() => import("./lightbox").then((m) => m.Lightbox));

type OpenViewer = (items: AssetSummary[], id: string) => void;
const ViewerContext = createContext<OpenViewer>(() => undefined);
const AnnounceContext = createContext<(status: Status) => void>(() => undefined);

/** Opens the viewer on `id` among `items` (the list arrows and swipes walk through). */
export const useOpenViewer = (): OpenViewer => useContext(ViewerContext);

/** Shows a toast (with Undo) that outlives a page change: the gallery layout holds it. */
export const useAnnounce = (): ((status: Status) => void) => useContext(AnnounceContext);

/**
 * The gallery's one viewer, driven by the URL: opening a photo pushes `?photo=<id>` (so the
 * browser's Back closes the viewer instead of leaving the page), moving to the next photo replaces
 * it, and a reload or a shared link opens the photo alone when the list it came from is not loaded.
 * Next.js syncs `useSearchParams` with the history API, so the URL is the only state.
 */
export function ViewerHost({ children }: { children: ReactNode }) {
  const [list, setList] = useState<AssetSummary[]>([]);
  /** Whether the entry on the history stack is one this page pushedRef (Close then goes Back to it). */
  const pushedRef = useRef(false);
  const [status, setStatus] = useState<Status>("");
  const open = useCallback<OpenViewer>((items, id) => {
    setList(items);
    pushedRef.current = true;
    setPhotoParam(id, "push");
  }, []);
  return (
    <ViewerContext.Provider value={open}>
      <AnnounceContext.Provider value={setStatus}>
        {children}
        <Suspense fallback={null}>
          <RoutedLightbox list={list} pushedRef={pushedRef} onStatus={setStatus} />
        </Suspense>
        <StatusToast status={status} onDone={() => setStatus("")} />
      </AnnounceContext.Provider>
    </ViewerContext.Provider>
  );
}

function RoutedLightbox({ list, pushedRef, onStatus }: { list: AssetSummary[]; pushedRef: RefObject<boolean>; onStatus: (status: Status) => void }) {
  const id = useSearchParams().get(VIEWER_PARAM);
  const index = id ? list.findIndex((item) => item.id === id) : -1;
  const alone = useQuery({ queryKey: ["asset", id], queryFn: () => getJson<AssetDetail>(`/api/assets/${id}`), enabled: Boolean(id) && index < 0 });
  const items = index >= 0 ? list : alone.data ? [alone.data] : null;
  const close = () => {
    if (pushedRef.current) {
      pushedRef.current = false;
      history.back();
    } else setPhotoParam(null, "replace");
  };
  return id && items ? <Lightbox items={items} index={Math.max(0, index)} onIndex={(i) => setPhotoParam(items[i]!.id, "replace")} onClose={close} onStatus={onStatus} /> : null;
}

function setPhotoParam(id: string | null, how: "push" | "replace"): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set(VIEWER_PARAM, id);
  else url.searchParams.delete(VIEWER_PARAM);
  if (how === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}
