import fs from "node:fs/promises";
import path from "node:path";
import { sidecarCandidates } from "./read-xmp-sidecar";

/** Sidecars are read with their photo, not indexed themselves. */
const SIDECAR = /\.xmp$/i;

/** A file to index, and the relative path of its XMP sidecar when its folder has one (no extra stat to know). */
export type WalkedFile = { relPath: string; sidecar: string | null };

/**
 * The regular files under `root` as `/`-separated relative paths, in a stable order (sorted
 * depth-first, which is the order of compareRelPaths), starting after `cursor` (a resumed scan).
 * Hidden names (`.thumbnails`, `.stfolder`, the marker) and sidecars are left out (each file names
 * its sidecar instead); symlinks are not followed. A folder that cannot be read is reported to
 * `onError` and skipped.
 */
export async function* walkLibrary(root: string, cursor: string | null, onError: (error: NodeJS.ErrnoException, relPath: string) => void): AsyncGenerator<WalkedFile> {
  yield* walkDir(root, [], cursor ? cursor.split("/") : null, onError);
}

async function* walkDir(root: string, rel: string[], cursor: string[] | null, onError: (error: NodeJS.ErrnoException, relPath: string) => void): AsyncGenerator<WalkedFile> {
  let entries;
  try {
    entries = await fs.readdir(path.join(/*turbopackIgnore: true*/ root, ...rel), { withFileTypes: true });
  } catch (error) {
    onError(error as NodeJS.ErrnoException, rel.join("/"));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sidecars = new Set(entries.filter((e) => SIDECAR.test(e.name)).map((e) => e.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const segments = [...rel, entry.name];
    const order = cursor ? compareSegments(segments, cursor) : 1;
    let kind = entry.isDirectory() ? "dir" : entry.isFile() ? "file" : entry.isSymbolicLink() ? "link" : "unknown";
    if (kind === "unknown") {
      const stat = await fs.lstat(path.join(/*turbopackIgnore: true*/ root, ...segments)).catch(() => null);
      kind = stat?.isDirectory() ? "dir" : stat?.isFile() ? "file" : "other";
    }
    if (kind === "dir" && (order > 0 || isPrefix(segments, cursor!))) yield* walkDir(root, segments, cursor, onError);
    else if (kind === "file" && order > 0 && !SIDECAR.test(entry.name)) {
      const sidecar = sidecars.size > 0 ? sidecarCandidates(entry.name).find((name) => sidecars.has(name)) : undefined;
      yield { relPath: segments.join("/"), sidecar: sidecar ? [...rel, sidecar].join("/") : null };
    }
  }
}

/** Depth-first order of relative paths (a folder's contents right after the folder itself). */
export function compareRelPaths(a: string, b: string): number {
  return compareSegments(a.split("/"), b.split("/"));
}

function compareSegments(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

function isPrefix(prefix: string[], of: string[]): boolean {
  return prefix.length < of.length && prefix.every((segment, i) => segment === of[i]);
}
