"use client";
import { useEffect, useState } from "react";

export type FullImage = { src: string | null; progress: number | null; error: string | null };

/**
 * Downloads a photo at full resolution once `url` is given (the viewer gives it when a zoom goes
 * past the preview's resolution), reporting progress (null while the box is still preparing it,
 * e.g. decoding a HEIC), and hands it over as an object URL, released when the viewer moves on.
 */
export function useFullImage(url: string | null): FullImage {
  const [state, setState] = useState<FullImage & { url: string | null }>({ url: null, src: null, progress: null, error: null });
  if (state.url !== url) setState({ url, src: null, progress: null, error: null });
  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    let objectUrl: string | null = null;
    void (async () => {
      try {
        const res = await fetch(url, { credentials: "same-origin", signal: abort.signal });
        if (!res.ok || !res.body) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `The box answered ${res.status}.`);
        const total = Number(res.headers.get("content-length") ?? 0);
        const reader = res.body.getReader();
        const chunks: Uint8Array<ArrayBuffer>[] = [];
        let received = 0;
        setState((s) => ({ ...s, progress: 0 }));
        for (let part = await reader.read(); !part.done; part = await reader.read()) {
          chunks.push(part.value);
          received += part.value.length;
          if (total) setState((s) => ({ ...s, progress: Math.min(1, received / total) }));
        }
        objectUrl = URL.createObjectURL(new Blob(chunks, { type: res.headers.get("content-type") ?? "image/jpeg" }));
        setState((s) => ({ ...s, src: objectUrl, progress: 1 }));
      } catch (error) {
        if (!abort.signal.aborted) setState((s) => ({ ...s, error: (error as Error).message }));
      }
    })();
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  return { src: state.src, progress: state.progress, error: state.error };
}
