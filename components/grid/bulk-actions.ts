import { sendJson } from "../api";

/** The bulk changes a selection bar or the lightbox can make, with the message to announce. */
export async function changeAssets(ids: string[], change: { favorite?: boolean; archived?: boolean; trashed?: boolean }): Promise<string> {
  await sendJson("PATCH", "/api/assets", { ids, ...change });
  const n = `${ids.length} ${ids.length === 1 ? "item" : "items"}`;
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
