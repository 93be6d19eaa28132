import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";

export const addLibraryBody = z.object({ root: z.string().min(1).max(4096) });

/**
 * Adds a folder as an external library (origin `settings`, or `env` for ALBUMS_LIBRARIES) and asks
 * the worker to scan it. It must be an absolute, existing folder that neither holds nor lies in the
 * data dir or another library (from ALBUMS_LIBRARIES it may be absent for now). Adding one
 * already known answers it as it is. Journaled (a rebuild scans it again). Writes nothing there.
 */
export async function addLibrary(db: Db, paths: LibraryPaths, input: { root: string; origin?: "settings" | "env" }): Promise<{ id: string; root: string }> {
  if (!path.isAbsolute(input.root)) throw new AppError("bad_request", "A library is an absolute folder on this box, e.g. /srv/photos.");
  const root = path.resolve(/*turbopackIgnore: true*/ input.root);
  const known = await db.library.findUnique({ where: { root }, select: { id: true, root: true } });
  if (known) return known;
  // One named in ALBUMS_LIBRARIES may be away at start (a NAS not mounted yet): it is added, and stale until it is there.
  const stat = await fs.stat(root).catch(() => null);
  if (input.origin !== "env" && !stat?.isDirectory()) throw new AppError("bad_request", `${root} is not a folder Albums can see.`);
  for (const other of [paths.root, ...(await db.library.findMany({ select: { root: true } })).map((l) => l.root)]) {
    if (overlaps(root, other)) throw new AppError("conflict", `${root} overlaps ${other}; a library may neither hold nor lie inside the data dir or another library.`);
  }
  const library = { id: randomUUID(), root, origin: input.origin ?? "settings" };
  return db.$transaction(async (tx) => {
    await appendJournal(tx, { op: "library.add", ...library });
    return tx.library.create({ data: { ...library, scanRequested: true }, select: { id: true, root: true } });
  });
}

function overlaps(a: string, b: string): boolean {
  const inside = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
  return inside(a, b) || inside(b, a);
}
