import fs from "node:fs/promises";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { removePath } from "./remove-path";

/**
 * Removes everything in `tmp/` (run at start, before anything writes there): bytes no answer was
 * ever sent for — an ingest acknowledges only after its original is linked into `originals/`.
 */
export async function sweepTemp(paths: LibraryPaths): Promise<number> {
  await fs.mkdir(paths.tmp, { recursive: true });
  const entries = await fs.readdir(paths.tmp);
  for (const entry of entries) await removePath(paths, "temp", path.join(paths.tmp, entry));
  return entries.length;
}
