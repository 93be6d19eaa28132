import { describe, expect, it } from "vitest";
import { purgedHashes } from "./purged-hashes";

describe("purgedHashes", () => {
  it("counts a purge of trashed bytes, not of bytes restored first, and forgets it when the bytes arrive again", () => {
    const ingest = (sha256: string) => ({ op: "asset.ingest" as const, sha256, name: `${sha256}.jpg`, source: "upload" });
    expect(
      purgedHashes([
        ingest("a"), ingest("b"), ingest("c"),
        { op: "asset.update", sha256s: ["a", "b", "c"], trashed: true },
        { op: "asset.update", sha256s: ["b"], trashed: false },
        { op: "asset.purge", sha256s: ["a", "b", "c", "legacy"] },
        ingest("c"),
      ]),
    ).toEqual(new Set(["a", "legacy"]));
  });
});
