import { describe, expect, it } from "vitest";
import type { FileRecord } from "./folder-types";
import { decideCandidate, planScan } from "./plan-scan";

const record = (path: string, size: number, lastModified: number): FileRecord => ({ key: `f/${path}`, folderId: "f", path, size, lastModified, sha256: path, status: "queued", queueItemId: null });

describe("planScan", () => {
  it("hashes only new or changed files and reports the vanished ones", () => {
    const records = [record("same.jpg", 10, 1), record("grown.jpg", 10, 1), record("touched.jpg", 10, 1), record("gone.jpg", 10, 1)];
    const listed = [{ path: "same.jpg", size: 10, lastModified: 1 }, { path: "grown.jpg", size: 11, lastModified: 1 }, { path: "touched.jpg", size: 10, lastModified: 2 }, { path: "new.jpg", size: 5, lastModified: 1 }];
    const plan = planScan(records, listed);
    expect(plan.candidates.map((c) => c.path)).toEqual(["grown.jpg", "touched.jpg", "new.jpg"]);
    expect(plan.vanished.map((r) => r.path)).toEqual(["gone.jpg"]);
  });
});

describe("decideCandidate", () => {
  it("prefers bytes already handled, then the box's copy, else queues", () => {
    expect(decideCandidate("a", new Set(["a"]), new Set(["a"]))).toBe("known");
    expect(decideCandidate("b", new Set(["a"]), new Set(["b"]))).toBe("present");
    expect(decideCandidate("c", new Set(["a"]), new Set(["b"]))).toBe("queue");
  });
});
