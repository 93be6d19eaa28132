import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

/** Where everything of one library lives inside its data dir. */
export type LibraryPaths = {
  root: string;
  database: string;
  originals: string;
  derived: string;
  tmp: string;
  models: string;
  uploads: string;
  marker: string;
  /** The lunr text index (segments + manifest), written by the worker, read by the server. */
  textIndex: string;
  /** The worker's query-embedding socket. */
  mlSocket: string;
  /** The JSON-lines log files, one per day (lib/logs/open-log-file.ts). */
  logs: string;
};

const SHA256 = /^[0-9a-f]{64}$/;
const EXT = /^[a-z0-9]{1,5}$/;

/** The fixed layout of a data dir. */
export function libraryPaths(dataDir: string, databasePath = path.join(dataDir, "albums.db")): LibraryPaths {
  const root = path.resolve(/*turbopackIgnore: true*/ dataDir);
  return {
    root,
    database: path.resolve(/*turbopackIgnore: true*/ databasePath),
    originals: path.join(root, "originals"),
    derived: path.join(root, "derived"),
    tmp: path.join(root, "tmp"),
    models: path.join(root, "models"),
    uploads: path.join(root, "uploads"),
    marker: path.join(root, ".albums-library"),
    textIndex: path.join(root, "index"),
    mlSocket: socketPath(root),
    logs: path.join(root, "logs"),
  };
}

/** Unix socket paths are limited to ~104 bytes: a deep data dir gets one in the temp dir instead. */
function socketPath(root: string): string {
  const inside = path.join(/*turbopackIgnore: true*/ root, "ml.sock");
  return inside.length < 100 ? inside : path.join(/*turbopackIgnore: true*/ os.tmpdir(), `albums-${createHash("sha256").update(root).digest("hex").slice(0, 16)}.sock`);
}

function assertSha(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256 hex digest: ${JSON.stringify(sha256)}`);
}

/** `originals/ab/cd/<sha256>.<ext>` — derived only from the hash and a known extension. */
export function originalPath(paths: LibraryPaths, sha256: string, ext: string): string {
  assertSha(sha256);
  if (!EXT.test(ext)) throw new Error(`not a safe extension: ${JSON.stringify(ext)}`);
  return path.join(/*turbopackIgnore: true*/ paths.originals, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.${ext}`);
}

/** Directory holding the derived files (thumbnails, posters…) of one original. */
export function derivedDir(paths: LibraryPaths, sha256: string): string {
  assertSha(sha256);
  return path.join(/*turbopackIgnore: true*/ paths.derived, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Resolves a stored relative path and guarantees it stays under `root`. */
export function resolveUnder(root: string, relPath: string): string {
  const resolved = path.resolve(/*turbopackIgnore: true*/ root, relPath);
  const rel = path.relative(root, resolved);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new Error(`path escapes its root: ${JSON.stringify(relPath)}`);
  }
  return resolved;
}
