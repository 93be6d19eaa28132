import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { removePath } from "@/lib/custody/remove-path";
import type { LibraryPaths } from "@/lib/server/paths";
import { ChildLimitError, runBounded } from "./run-bounded-child";

/** One page's rendering: poppler's pdftoppm in its own process, killed past these limits. */
export const PDF_PAGE_LIMITS = { rssMb: 512, timeMs: 30_000 };

/** The long side a page is rendered at (the size of a `thumb-md`). */
export const PDF_PAGE_LONG_SIDE = 1440;

/** pdftoppm is missing (poppler-utils not installed). */
export class MissingToolError extends Error {}

/**
 * Page `page` (1-based) of the PDF at `filePath` as PNG, `longSide` px on its long side, rendered by
 * poppler's `pdftoppm` (C++, a page at a time, ~0.1 s; pdf.js needs the whole file in a V8 heap and
 * seconds). A hostile PDF costs only that child: killed past PDF_PAGE_LIMITS (memory, time). The
 * image goes through a file in `tmp/` (this pdftoppm cannot write PNG to stdout), removed after.
 */
export async function renderPdfPage(filePath: string, page: number, paths: LibraryPaths, longSide = PDF_PAGE_LONG_SIDE): Promise<Buffer> {
  const outRoot = path.join(paths.tmp, `pdf-page-${randomUUID()}`);
  try {
    await runPdftoppm(["-f", String(page), "-l", String(page), "-scale-to", String(longSide), "-png", "-singlefile", filePath, outRoot]);
    return await fs.readFile(`${outRoot}.png`);
  } finally {
    await removePath(paths, "temp", `${outRoot}.png`);
  }
}

async function runPdftoppm(args: string[]): Promise<void> {
  try {
    await runBounded("pdftoppm", args, PDF_PAGE_LIMITS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new MissingToolError("pdftoppm is not installed (apt-get install poppler-utils)");
    if (error instanceof ChildLimitError) throw new Error(`the page ${error.message}`);
    throw error;
  }
}
