import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildServiceWorker } from "./build-service-worker";

const SOURCES = ["app", "components", "lib", "service-worker", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "tsconfig.build.json"];

/** A fingerprint of everything `next build` compiles (paths, sizes, mtimes). */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (rel: string) => {
    const full = path.join(root, rel);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat || rel.includes("generated")) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(rel, entry));
      return;
    }
    hash.update(`${rel}:${stat.size}:${stat.mtimeMs}\n`);
  };
  SOURCES.forEach(visit);
  return hash.digest("hex");
}

const STAMP = path.join(".next", "albums-build-stamp");

/** True when `.next` holds a production build of exactly the current sources. */
export function isBuildCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === sourceFingerprint(root);
}

export function writeBuildStamp(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), sourceFingerprint(root));
}

/**
 * `next build`, then the service worker (public/sw.js, stamped with the new build id), then the
 * stamp that isBuildCurrent compares. Throws when the build fails.
 */
export function buildWebApp(root: string): void {
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
  buildServiceWorker(root);
  writeBuildStamp(root);
}
