import fs from "node:fs/promises";
import path from "node:path";

/** Entries exactly `depth` levels below `root`: files, or folders when `dirs` (the sharded layouts). */
export async function entriesAtDepth(root: string, depth: number, dirs = false): Promise<string[]> {
  let level = [root];
  for (let d = 0; d < depth; d += 1) {
    const last = d === depth - 1;
    const next: string[] = [];
    for (const dir of level) {
      for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (!last && entry.isDirectory()) next.push(path.join(dir, entry.name));
        if (last && (dirs ? entry.isDirectory() : entry.isFile())) next.push(path.join(dir, entry.name));
      }
    }
    level = next;
  }
  return level;
}
