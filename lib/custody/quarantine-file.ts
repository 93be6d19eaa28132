import fs from "node:fs/promises";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { syncFile } from "@/lib/server/storage";
import { custodyPaths } from "./custody-paths";

export const REASON_SUFFIX = ".reason.json";

export type QuarantineRecord = { reason: string; at: string; from: string };

/**
 * Moves a file Albums cannot adopt (undecodable, unknown type, hash ≠ name…) out of `originals/`
 * into `quarantine/` (a rename: same filesystem), next to a `<name>.reason.json` record written
 * first. Never deletes it; a name already taken gets a numbered suffix. Returns the new name.
 */
export async function quarantineFile(paths: LibraryPaths, file: string, reason: string, now = new Date()): Promise<string> {
  const dir = custodyPaths(paths).quarantine;
  await fs.mkdir(dir, { recursive: true });
  const base = path.basename(file);
  let name = base;
  for (let n = 1; await exists(path.join(dir, name)) || (await exists(path.join(dir, name + REASON_SUFFIX))); n += 1) name = `${base}.${n}`;
  const record: QuarantineRecord = { reason, at: now.toISOString(), from: path.relative(paths.root, file) };
  await fs.writeFile(path.join(dir, name + REASON_SUFFIX), JSON.stringify(record));
  await fs.rename(file, path.join(dir, name));
  await syncFile(dir);
  await syncFile(path.dirname(file));
  return name;
}

async function exists(file: string): Promise<boolean> {
  return (await fs.lstat(file).catch(() => null)) !== null;
}
