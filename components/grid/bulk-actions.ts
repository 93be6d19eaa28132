import { sendJson } from "../api";
import type { Status } from "./status-toast";

type Change = { favorite?: boolean; archived?: boolean; trashed?: boolean };

/**
 * Makes one of the bulk changes a selection bar or the lightbox offers and says what it did, with
 * an Undo that flips back exactly the items this change flipped (the server reports them).
 */
export async function changeAssets(ids: string[], change: Change): Promise<Status> {
  const { changed } = await sendJson<{ changed: string[] }>("PATCH", "/api/assets", { ids, ...change });
  const inverse = Object.fromEntries(Object.entries(change).map(([flag, value]) => [flag, !value])) as Change;
  const undo = async () => {
    if (changed.length > 0) await sendJson("PATCH", "/api/assets", { ids: changed, ...inverse });
    return `Undone: ${describeChange(changed.length, inverse)}`;
  };
  return { message: describeChange(ids.length, change), undo };
}

function describeChange(count: number, change: Change): string {
  const n = `${count} ${count === 1 ? "item" : "items"}`;
  if (change.trashed === true) return `Moved ${n} to the trash.`;
  if (change.trashed === false) return `Restored ${n}.`;
  if (change.archived !== undefined) return change.archived ? `Archived ${n}.` : `Unarchived ${n}.`;
  return change.favorite ? `Added ${n} to favorites.` : `Removed ${n} from favorites.`;
}

/** Downloads originals one after the other (the browser asks once to allow several downloads). */
export function downloadOriginals(ids: string[]): void {
  ids.forEach((id, i) =>
    setTimeout(() => {
      const a = document.createElement("a");
      a.href = `/api/assets/${id}/original?download=1`;
      a.download = "";
      document.body.append(a);
      a.click();
      a.remove();
    }, i * 400),
  );
}

/** Takes items out of an album (they stay in the library), with an Undo that puts them back. */
export async function removeFromAlbum(albumId: string, ids: string[]): Promise<Status> {
  const { removed } = await sendJson<{ removed: number }>("DELETE", `/api/albums/${albumId}/assets`, { assetIds: ids });
  const undo = async () => {
    const { added } = await sendJson<{ added: number }>("POST", `/api/albums/${albumId}/assets`, { assetIds: ids });
    return `Put ${added} back in the album.`;
  };
  return { message: `Removed ${removed} from the album.`, undo };
}

/**
 * Downloads the selection as one ZIP: the selection is recorded first (POST /api/downloads), then
 * the browser fetches its GET address straight to disk — an address it can resume with Range
 * after a dropped connection (for a day).
 */
export async function downloadZip(ids: string[]): Promise<string> {
  const { url } = await sendJson<{ url: string }>("POST", "/api/downloads", { ids });
  const a = document.createElement("a");
  a.href = url;
  a.download = "";
  document.body.append(a);
  a.click();
  a.remove();
  return `Downloading ${ids.length} items as one ZIP.`;
}
