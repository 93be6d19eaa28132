// Builds the Next.js app once before the suite when the sources changed, so tests that spawn the
// real server (fault, e2e) run the current code. ALBUMS_TEST_SKIP_BUILD=1 skips it for a quick run of unit
// tests while the sources are being edited.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { isBuildCurrent, writeBuildStamp } from "@/lib/server/next-build";

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  if (process.env.ALBUMS_TEST_SKIP_BUILD === "1" || isBuildCurrent(root)) return;
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeBuildStamp(root);
}
