// Zero egress: ingest, every enrichment job the worker has today, a backup and a Takeout import
// run inside a network namespace with no route out (unshare -n, loopback only), and the egress
// counter in /api/health stays 0. (Search joins this run when it exists.)
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("zero egress", () => {
  it("works completely offline and never tries to connect out", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const out = execFileSync("unshare", ["-n", "sh", "-c", "ip link set lo up && exec node --conditions=react-server --import tsx tests/support/offline-run.ts"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
      timeout: 300_000,
    }).toString();
    const summary = JSON.parse(out.trim().split("\n").at(-1)!) as { uploads: number[]; assets: number; thumbnailsReady: number; backup: string; takeout: boolean; reportPage: boolean; health: { egress: { blocked: number }; jobs: { failed: number } } };
    expect(summary.uploads).toEqual([201, 201, 201, 201, 201]);
    expect(summary.assets).toBe(5);
    expect(summary.thumbnailsReady).toBe(5);
    expect(summary.backup).toMatch(/5 originals/);
    expect(summary.takeout).toBe(true);
    expect(summary.reportPage).toBe(true);
    expect(summary.health.jobs.failed).toBe(0);
    expect(summary.health.egress).toEqual({ blocked: 0, lastBlocked: null });
  }, 300_000);
});
