import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { DbTx } from "@/lib/server/db";
import { derivedDir, originalPath, type LibraryPaths } from "@/lib/server/paths";
import { custodyPaths } from "./custody-paths";

type Move = { from: string; to: string };

export type Burial = {
  /**
   * Inside the write transaction that deleted rows: moves the original and derived folder of each
   * of these contents that no row references any more into a graveyard folder of this burial.
   * Returns how many originals it moved.
   */
  bury: (tx: DbTx, contents: { sha256: string; ext: string }[]) => Promise<number>;
  /** When that transaction did not commit: puts everything this burial moved back. */
  undo: () => Promise<void>;
};

const CHUNK = 500;

/**
 * The purge's half of custody: the "is this content still referenced?" check and the move out of
 * `originals/` happen in the same SQLite write transaction, so an ingest of the same bytes either
 * committed its row first (the file stays) or sees the file gone when it commits (and re-links it
 * from its own temp file). Moves are renames into `graveyard/<burial>/` (same filesystem);
 * settleGraveyard unlinks them once the purge committed.
 */
export function openBurial(paths: LibraryPaths): Burial {
  const dir = path.join(custodyPaths(paths).graveyard, randomUUID());
  const moved: Move[] = [];
  const move = async (from: string, to: string) => {
    try {
      await fs.rename(from, to);
      moved.push({ from, to });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  };
  return {
    bury: async (tx, contents) => {
      const unique = [...new Map(contents.map((c) => [`${c.sha256}.${c.ext}`, c])).values()];
      const referenced = new Set<string>();
      for (let i = 0; i < unique.length; i += CHUNK) {
        const rows = await tx.asset.findMany({ where: { sha256: { in: unique.slice(i, i + CHUNK).map((c) => c.sha256) } }, select: { sha256: true } });
        for (const row of rows) referenced.add(row.sha256);
      }
      const doomed = unique.filter((c) => !referenced.has(c.sha256));
      if (doomed.length === 0) return 0;
      await fs.mkdir(dir, { recursive: true });
      let originals = 0;
      for (const { sha256, ext } of doomed) {
        if (await move(originalPath(paths, sha256, ext), path.join(dir, `${sha256}.${ext}`))) originals += 1;
        await move(derivedDir(paths, sha256), path.join(dir, sha256));
      }
      return originals;
    },
    undo: async () => {
      for (const { from, to } of moved.reverse()) {
        await fs.mkdir(path.dirname(from), { recursive: true });
        if (!(await fs.lstat(from).catch(() => null))) await fs.rename(to, from);
      }
      moved.length = 0;
    },
  };
}
