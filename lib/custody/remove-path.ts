import fs from "node:fs/promises";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { custodyPaths, isInside } from "./custody-paths";

/**
 * Why something under the data dir may be deleted outright:
 * - `temp`: bytes no client was ever answered for (`tmp/`, a resumable upload's part file, a `*.partial`);
 * - `derived`: re-creatable output (thumbnails, posters, the text index) of an original with no row;
 * - `graveyard`: what a committed purge moved out of `originals/` (the owner's delete);
 * - `log`: a log file past its keep days in `logs/`.
 */
export type RemovalKind = "temp" | "derived" | "graveyard" | "log";

/**
 * The one place Albums deletes files in its data dir. Refuses (throws) anything under
 * `originals/` or `quarantine/`, anything outside the data dir, and anything outside the area its
 * kind allows: an original only ever leaves `originals/` by a rename into the graveyard (purge)
 * or the quarantine, never by a delete.
 */
export async function removePath(paths: LibraryPaths, kind: RemovalKind, target: string): Promise<void> {
  assertRemovable(paths, kind, target);
  await fs.rm(target, { recursive: true, force: true });
}

/** Throws unless `removePath(paths, kind, target)` is allowed. */
function assertRemovable(paths: LibraryPaths, kind: RemovalKind, target: string): void {
  const file = path.resolve(target);
  const custody = custodyPaths(paths);
  const refuse = (why: string) => {
    throw new Error(`custody: refusing to delete ${file} (${kind}): ${why}`);
  };
  if (!isInside(paths.root, file)) refuse("not inside the data dir");
  if (file === paths.originals || isInside(paths.originals, file)) refuse("originals are never deleted");
  if (file === custody.quarantine || isInside(custody.quarantine, file)) refuse("quarantined files wait for the owner");
  const allowed: Record<RemovalKind, boolean> = {
    temp: isInside(paths.tmp, file) || isInside(paths.uploads, file) || file.endsWith(".partial"),
    derived: isInside(paths.derived, file) || isInside(paths.textIndex, file),
    graveyard: isInside(custody.graveyard, file),
    log: isInside(paths.logs, file),
  };
  if (!allowed[kind]) refuse(`not a ${kind} area`);
}
