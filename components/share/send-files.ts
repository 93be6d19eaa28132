import { downloadOriginals } from "../grid/bulk-actions";

/**
 * Sends the originals to another app with the Web Share API (files, not links: "share to
 * WhatsApp" from the installed PWA); where the browser cannot share files, downloads them instead.
 * Returns what happened, for the status line.
 */
export async function sendFiles(ids: string[]): Promise<string> {
  if (typeof navigator.canShare === "function") {
    const files = await Promise.all(
      ids.map(async (id) => {
        const res = await fetch(`/api/assets/${id}/original`, { credentials: "same-origin" });
        if (!res.ok) throw new Error(`could not read a photo (${res.status})`);
        const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
        return new File([await res.blob()], name ? decodeURIComponent(name) : id, { type: res.headers.get("content-type") ?? "application/octet-stream" });
      }),
    );
    if (navigator.canShare({ files })) {
      try {
        await navigator.share({ files });
        return `Shared ${files.length} ${files.length === 1 ? "file" : "files"}.`;
      } catch (error) {
        if ((error as Error).name === "AbortError") return "Sharing cancelled.";
        throw error;
      }
    }
  }
  downloadOriginals(ids);
  return "This browser cannot send files to other apps: downloading them instead.";
}
