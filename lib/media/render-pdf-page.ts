import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { residentKb } from "./run-bounded-child";

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
 * image goes through a file in `tmpDir` (this pdftoppm cannot write PNG to stdout), removed after.
 */
export async function renderPdfPage(filePath: string, page: number, tmpDir: string, longSide = PDF_PAGE_LONG_SIDE): Promise<Buffer> {
  const outRoot = path.join(tmpDir, `pdf-page-${randomUUID()}`);
  try {
    await runPdftoppm(["-f", String(page), "-l", String(page), "-scale-to", String(longSide), "-png", "-singlefile", filePath, outRoot]);
    return await fs.readFile(`${outRoot}.png`);
  } finally {
    await fs.rm(`${outRoot}.png`, { force: true });
  }
}

function runPdftoppm(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftoppm", args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let verdict: string | null = null;
    const kill = (why: string) => {
      verdict ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`took longer than ${PDF_PAGE_LIMITS.timeMs / 1000} s`), PDF_PAGE_LIMITS.timeMs);
    const watch = setInterval(() => {
      if (residentKb(child.pid) > PDF_PAGE_LIMITS.rssMb * 1024) kill(`used more than ${PDF_PAGE_LIMITS.rssMb} MiB of memory`);
    }, 250);
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-1000)));
    child.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      clearInterval(watch);
      reject(error.code === "ENOENT" ? new MissingToolError("pdftoppm is not installed (apt-get install poppler-utils)") : error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (verdict) return reject(new Error(`the page ${verdict}`));
      if (code !== 0) return reject(new Error(`pdftoppm exited with ${signal ?? code}: ${stderr.trim().split("\n").slice(-2).join(" | ")}`));
      resolve();
    });
  });
}
