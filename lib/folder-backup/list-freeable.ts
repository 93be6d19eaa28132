import type { SafeToRemove } from "./safe-to-remove";
import type { FolderStore } from "./folder-store";
import type { FileRecord } from "./folder-types";

export type Freeable = Omit<SafeToRemove, "safe"> & { files: FileRecord[]; bytes: number };

/** Asks the box which of these digests it (and a verified off-box backup) keeps; throws when it cannot answer. */
export async function askSafeToRemove(deps: { origin: string; fetch: typeof fetch }, sha256: string[]): Promise<SafeToRemove> {
  const response = await deps.fetch(new URL("/api/ingest/safe-to-remove", deps.origin), {
    method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ sha256 }),
  });
  if (!response.ok) throw new Error(`The box could not say which files are safe to remove (${response.status}).`);
  return (await response.json()) as SafeToRemove;
}

/** The files in the picked folders that the phone may delete (see checkSafeToRemove), with the space they take. */
export async function listFreeable(deps: { folders: FolderStore; origin: string; fetch: typeof fetch }): Promise<Freeable> {
  const records = await deps.folders.listFiles();
  const { safe, ...answer } = await askSafeToRemove(deps, [...new Set(records.map((r) => r.sha256))]);
  const keep = new Set(safe);
  const files = records.filter((r) => keep.has(r.sha256)).sort((a, b) => a.key.localeCompare(b.key));
  return { ...answer, files, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}
