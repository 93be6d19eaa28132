import fs from "node:fs";
import path from "node:path";

/**
 * The filesystem (st_dev) holding `target`, or of its nearest existing ancestor when it does not
 * exist yet (a backup folder created on the first run lands on that ancestor's filesystem).
 */
export function deviceOf(target: string): number {
  let current = path.resolve(target);
  for (;;) {
    try {
      return fs.statSync(current).dev;
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || parent === current) throw error;
      current = parent;
    }
  }
}
