import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";

/** The name an original is stored under: `<sha256>.<ext>`. */
export const ORIGINAL_NAME = /^([0-9a-f]{64})\.([a-z0-9]{1,5})$/;

export type CustodyPaths = {
  /** Originals (and derived folders) the owner's purge took out of place, unlinked once that commit is final. */
  graveyard: string;
  /** Files found in `originals/` that could not be adopted, each with a `.reason.json` record. Never emptied by Albums. */
  quarantine: string;
};

/** Custody folders inside a data dir (same filesystem as `originals/`, so moves are renames). */
export function custodyPaths(paths: LibraryPaths): CustodyPaths {
  return { graveyard: path.join(paths.root, "graveyard"), quarantine: path.join(paths.root, "quarantine") };
}

/** True when `file` lies strictly inside `dir`. */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, path.resolve(file));
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}
