import type { FileRecord } from "./folder-types";

export type ListedFile = { path: string; size: number; lastModified: number };

/**
 * Which listed files a scan must hash: those with no record, or whose size or lastModified changed
 * since the record (cheap metadata first, so an unchanged camera roll costs no reading). Records
 * whose path is no longer listed have vanished (deleted, or renamed: the new name is a candidate).
 */
export function planScan<T extends ListedFile>(records: FileRecord[], listed: T[]): { candidates: T[]; vanished: FileRecord[] } {
  const byPath = new Map(records.map((r) => [r.path, r]));
  const candidates = listed.filter((file) => {
    const known = byPath.get(file.path);
    return !known || known.size !== file.size || known.lastModified !== file.lastModified;
  });
  const present = new Set(listed.map((f) => f.path));
  return { candidates, vanished: records.filter((r) => !present.has(r.path)) };
}

/**
 * What to do with a hashed candidate: "known" when these bytes were already handled (a renamed
 * file, or a copy in another picked folder), "present" when the box has them, else "queue".
 */
export function decideCandidate(sha256: string, handled: { has(sha256: string): boolean }, onBox: Set<string>): FileRecord["status"] | "queue" {
  if (handled.has(sha256)) return "known";
  return onBox.has(sha256) ? "present" : "queue";
}
