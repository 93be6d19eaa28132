import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { derivedDir, originalPath, type LibraryPaths } from "@/lib/server/paths";
import { custodyPaths, ORIGINAL_NAME } from "./custody-paths";
import { graveyardHeld } from "./hold-graveyard";
import { removePath } from "./remove-path";

const SHA_DIR = /^[0-9a-f]{64}$/;
const CHUNK = 500;

export type SettleResult = { restored: number; removed: number; held: boolean };

/**
 * Finishes what purges left in the graveyard. Under the write lock (so no purge is half-way):
 * an entry whose content a row references again (a purge that did not commit, or bytes stored
 * again since) goes back to its place if that is empty; after the commit the rest is unlinked —
 * the owner's delete committed — unless a backup holds the graveyard (then next time).
 * Run after every purge, by the maintenance tick and at start.
 */
export async function settleGraveyard(db: Db, paths: LibraryPaths): Promise<SettleResult> {
  const graveyard = custodyPaths(paths).graveyard;
  let burials: string[] = [];
  let restored = 0;
  await db.$transaction(async (tx) => {
    burials = (await fs.readdir(graveyard, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => path.join(graveyard, e.name));
    const entries = (await Promise.all(burials.map(async (dir) => (await fs.readdir(dir)).map((name) => ({ dir, name }))))).flat();
    const shas = [...new Set(entries.map((e) => e.name.slice(0, 64)))];
    const referenced = new Set<string>();
    for (let i = 0; i < shas.length; i += CHUNK) {
      for (const row of await tx.asset.findMany({ where: { sha256: { in: shas.slice(i, i + CHUNK) } }, select: { sha256: true } })) referenced.add(row.sha256);
    }
    for (const { dir, name } of entries) {
      const original = ORIGINAL_NAME.exec(name);
      const sha = original?.[1] ?? (SHA_DIR.test(name) ? name : null);
      if (!sha || !referenced.has(sha)) continue;
      const place = original ? originalPath(paths, sha, original[2]!) : derivedDir(paths, sha);
      if (await fs.lstat(place).catch(() => null)) continue;
      await fs.mkdir(path.dirname(place), { recursive: true });
      await fs.rename(path.join(dir, name), place);
      if (original) restored += 1;
    }
  });
  if (burials.length === 0 || (await graveyardHeld(paths))) return { restored, removed: 0, held: burials.length > 0 };
  for (const dir of burials) await removePath(paths, "graveyard", dir);
  return { restored, removed: burials.length, held: false };
}
