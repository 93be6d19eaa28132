import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { custodyPaths } from "./custody-paths";
import { removePath } from "./remove-path";

const HOLD = /^hold-(\d+)-[0-9a-f-]{36}$/;

/**
 * Keeps the graveyard from being emptied while a reader of a database snapshot (a backup) runs:
 * an original purged after its snapshot was taken stays readable in the graveyard (see
 * findOriginal) until the hold is released. Cross-process: a `hold-<pid>-<uuid>` file, ignored
 * once its process is gone. Take it before the snapshot; returns the release.
 */
export async function holdGraveyard(paths: LibraryPaths): Promise<() => Promise<void>> {
  const dir = custodyPaths(paths).graveyard;
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `hold-${process.pid}-${randomUUID()}`);
  await fs.writeFile(file, new Date().toISOString());
  return () => removePath(paths, "graveyard", file);
}

/** True while some live process holds the graveyard (stale holds of dead processes are removed). */
export async function graveyardHeld(paths: LibraryPaths): Promise<boolean> {
  const dir = custodyPaths(paths).graveyard;
  let held = false;
  for (const name of await fs.readdir(dir).catch(() => [])) {
    const pid = HOLD.exec(name)?.[1];
    if (!pid) continue;
    if (alive(Number(pid))) held = true;
    else await removePath(paths, "graveyard", path.join(dir, name));
  }
  return held;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
