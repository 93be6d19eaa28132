import fs from "node:fs";
import path from "node:path";
import type { Config } from "@/lib/config";
import type { LibraryPaths } from "@/lib/server/paths";

/** Where finished browser uploads of Takeout parts are kept (POST /api/imports/parts). */
export function uploadedPartsDir(paths: LibraryPaths): string {
  return path.join(paths.root, "imports", "parts");
}

/**
 * The real path of `candidate` when it lies inside an import root (uploaded parts, or a folder
 * the owner listed in ALBUMS_IMPORT_DIRS) — both as written and after symlinks are resolved —
 * or null. Null also when it does not exist, so a caller cannot tell "elsewhere" from "absent";
 * a path outside every root as written is not even looked up.
 */
export function resolveImportPath(candidate: string, paths: LibraryPaths, config: Pick<Config, "importDirs">): string | null {
  const roots = [uploadedPartsDir(paths), ...config.importDirs];
  const inside = (p: string, list: string[]) => list.some((root) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  if (!path.isAbsolute(candidate) || !inside(path.resolve(candidate), roots)) return null;
  const real = realpath(candidate);
  const realRoots = roots.map(realpath).filter((root): root is string => root !== null);
  return real !== null && inside(real, realRoots) ? real : null;
}

function realpath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}
