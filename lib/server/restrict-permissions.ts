import fs from "node:fs";
import path from "node:path";

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Makes a library folder private to the user running Albums: the folder and every directory in
 * it 0700, every file 0600 (database, WAL/SHM, originals, thumbnails, journal, index). New files
 * are private already (the entry points set umask 077); this fixes folders made before that, or
 * by hand. The whole tree is walked only while the folder itself is still open to others (it is
 * closed last), so a library already fixed costs a few stats at start. Symlinks are left alone.
 * Returns how many entries were changed.
 */
export function restrictPermissions(dir: string): number {
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return 0;
  let changed = 0;
  const restrict = (p: string, mode: number, current: number) => {
    if ((current & 0o777) === mode) return;
    fs.chmodSync(p, mode);
    changed += 1;
  };
  if ((stat.mode & 0o077) !== 0) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const p = path.join(entry.parentPath, entry.name);
      if (entry.isDirectory()) restrict(p, PRIVATE_DIR, fs.lstatSync(p).mode);
      else if (entry.isFile()) restrict(p, PRIVATE_FILE, fs.lstatSync(p).mode);
    }
  } else {
    // The files at the top (albums.db, its WAL and SHM, the marker) are checked every start.
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isFile()) restrict(p, PRIVATE_FILE, fs.lstatSync(p).mode);
    }
  }
  restrict(dir, PRIVATE_DIR, stat.mode);
  return changed;
}
