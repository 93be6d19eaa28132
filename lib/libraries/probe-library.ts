import fs from "node:fs/promises";
import path from "node:path";

export type LibraryProbe = { available: true } | { available: false; reason: string };

/** A file the owner may put at a library's root to say "this is the library" (Albums never writes it). */
export const LIBRARY_MARKER = ".albums-library";

/**
 * Is the library there: its root a readable folder that is a mount point, holds the owner's
 * `.albums-library` marker, or shows entries it is expected to have (`expected`: top-level names
 * that held indexed files; with none known yet, any entry). The empty folder an unmounted share
 * leaves behind is not the library. Reads only.
 */
export async function probeLibrary(root: string, expected: string[]): Promise<LibraryProbe> {
  try {
    const stat = await fs.stat(root);
    if (!stat.isDirectory()) return { available: false, reason: `${root} is not a folder` };
    const entries = await fs.readdir(root);
    const parent = await fs.stat(path.dirname(root));
    if (parent.dev !== stat.dev || entries.includes(LIBRARY_MARKER)) return { available: true };
    const present = new Set(entries);
    if (expected.length > 0 ? expected.some((name) => present.has(name)) : entries.length > 0) return { available: true };
    return { available: false, reason: expected.length > 0 ? `none of the folders Albums indexed is in ${root} (not mounted?)` : `${root} is empty (not mounted?)` };
  } catch (error) {
    return { available: false, reason: `${root}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}
