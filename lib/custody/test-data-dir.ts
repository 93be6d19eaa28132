import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { libraryPaths, originalPath, type LibraryPaths } from "@/lib/server/paths";

/** For the custody unit tests: an empty data dir layout in a temp folder, and a helper to plant files. */
export function testDataDir(): { paths: LibraryPaths; plant: (file: string, data?: string) => string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "albums-custody-"));
  const paths = libraryPaths(root);
  for (const dir of [paths.originals, paths.derived, paths.tmp, paths.uploads]) fs.mkdirSync(dir, { recursive: true });
  return {
    paths,
    plant: (file, data = "bytes") => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
      return file;
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export const SHA = "ab".repeat(32);
export const originalOf = (paths: LibraryPaths, sha = SHA) => originalPath(paths, sha, "jpg");
