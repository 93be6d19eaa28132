// Builds the Next.js app (and its service worker) once before the suite when the sources changed, so tests that spawn the
// real server (fault, e2e) run the current code. ALBUMS_TEST_SKIP_BUILD=1 skips it for a quick run of unit
// tests while the sources are being edited.
import path from "node:path";
import { buildWebApp, isBuildCurrent } from "@/lib/server/next-build";

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  if (process.env.ALBUMS_TEST_SKIP_BUILD === "1" || isBuildCurrent(root)) return;
  buildWebApp(root);
}
