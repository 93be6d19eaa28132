import { describe, expect, it } from "vitest";
import { applyCustodyVerdict } from "./apply-custody-verdict";
import type { TakeoutReport } from "./build-report";

const item = (status: string, sha256: string | null) => ({ part: "p.zip", path: `x/${sha256}`, kind: "media", status, assetId: sha256, sha256, reason: null, sidecar: null });
const report = (over: Partial<TakeoutReport>): TakeoutReport => ({
  runId: "r", createdAt: "2030-01-01T00:00:00Z", safeToDelete: false, blockers: [], importBlockers: [],
  totals: { entries: 3, imported: 2, duplicate: 1, skipped: 0, failed: 0, pending: 0 }, parts: [],
  items: [item("imported", "a"), item("imported", "b"), item("duplicate", "a"), item("skipped", null)], unmatchedMedia: [], albums: [], ...over,
});
const coverage = (hashes: string[], targets = ["/mnt/usb"]) => ({ covered: new Set(hashes), verifiedAt: "2030-01-02T00:00:00Z", targets });

describe("applyCustodyVerdict", () => {
  it("is safe only when every distinct original (imported or duplicate) is covered", () => {
    expect(applyCustodyVerdict(report({}), coverage(["a", "b"]))).toMatchObject({ safeToDelete: true, accounted: true, blockers: [], custody: { originals: 2, backedUp: 2, notBackedUp: 0 } });
    const half = applyCustodyVerdict(report({}), coverage(["a"]));
    expect(half).toMatchObject({ safeToDelete: false, accounted: true, custody: { notBackedUp: 1 } });
    expect(half.blockers).toEqual(["imported and verified, not yet backed up off this disk (1 original): waiting for the next backup to /mnt/usb and its verification (or run `npm run backup`)"]);
  });

  it("keeps the import's own blockers first and recomputes custody on a report stored earlier", () => {
    const stored = applyCustodyVerdict(report({ importBlockers: ["2 entries failed"] }), coverage([], []));
    expect(stored.blockers).toEqual(["2 entries failed", expect.stringMatching(/^not yet backed up off this disk \(2 originals\): no backup target is on another disk/)]);
    const later = applyCustodyVerdict(stored, coverage(["a", "b"]));
    expect(later).toMatchObject({ safeToDelete: false, accounted: false, blockers: ["2 entries failed"] });
    // Reports written before custody joined the verdict have only `blockers`.
    const old = applyCustodyVerdict(report({ importBlockers: undefined, blockers: [], safeToDelete: true }), coverage([]));
    expect(old).toMatchObject({ safeToDelete: false, accounted: true, custody: { notBackedUp: 2 } });
  });
});
