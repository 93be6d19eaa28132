import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

/**
 * Bundles service-worker/sw.ts (its own tsconfig, WebWorker lib) into public/sw.js, stamped with
 * Next's build id so every new build is a new worker version (the app then offers to reload).
 * Runs after `next build`; public/sw.js is a build output, not committed.
 */
export function buildServiceWorker(root: string): void {
  const buildId = fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
  buildSync({
    entryPoints: [path.join(root, "service-worker", "sw.ts")],
    outfile: path.join(root, "public", "sw.js"),
    tsconfig: path.join(root, "service-worker", "tsconfig.json"),
    bundle: true,
    format: "iife",
    target: "chrome109",
    minify: true,
    legalComments: "none",
    define: { BUILD_ID: JSON.stringify(buildId) },
    logLevel: "warning",
  });
}
