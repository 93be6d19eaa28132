import fs from "node:fs";
import path from "node:path";

/** Root of the read-only shared material (fixtures, models) next to the repository. */
export const SHARED = path.resolve(import.meta.dirname, "../../../shared");

/** Path of a shared fixture; fails with a clear message when ../shared is absent. */
export function sharedPath(...parts: string[]): string {
  const full = path.join(SHARED, ...parts);
  if (!fs.existsSync(full)) {
    throw new Error(`Missing shared test material: ${full}. The tests expect the shared/ folder beside the repository (../shared).`);
  }
  return full;
}

/** All files under a shared folder, recursively, sorted. */
export function sharedFiles(...parts: string[]): string[] {
  const root = sharedPath(...parts);
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(full);
    }
  };
  visit(root);
  return out.sort();
}
