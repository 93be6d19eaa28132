import { describe, expect, it } from "vitest";
import { type CopyFacts, rankCopies } from "./rank-copies";

const copy = (id: string, facts: Partial<CopyFacts> = {}): CopyFacts => ({
  id, width: 4000, height: 3000, size: 3_000_000, editedFromId: null, hasGps: false, capturedAtSource: "exif", createdAt: "2024-01-01T00:00:00.000Z", ...facts,
});
const best = (...copies: CopyFacts[]) => rankCopies(copies)[0]!.id;

describe("rankCopies", () => {
  it("keeps the largest resolution first, whatever else the smaller one has", () => {
    expect(best(copy("small", { width: 1024, height: 768, hasGps: true, size: 9e6 }), copy("big"))).toBe("big");
  });
  it("keeps the original over an edited copy of the same size", () => {
    expect(best(copy("edit", { editedFromId: "orig", size: 5e6 }), copy("orig"))).toBe("orig");
  });
  it("keeps the copy with GPS when resolution and originality tie", () => {
    expect(best(copy("nogps", { size: 9e6 }), copy("gps", { hasGps: true }))).toBe("gps");
  });
  it("then the camera's own capture time, then the larger file, then the first received", () => {
    expect(best(copy("upload", { capturedAtSource: "upload", size: 9e6 }), copy("exif"))).toBe("exif");
    expect(best(copy("q60", { size: 1e6 }), copy("q95", { size: 4e6 }))).toBe("q95");
    expect(best(copy("later", { createdAt: "2025-01-01T00:00:00.000Z" }), copy("first"))).toBe("first");
  });
  it("treats an unknown resolution as the smallest and leaves its input alone", () => {
    const input = [copy("unknown", { width: null, height: null }), copy("known", { width: 10, height: 10 })];
    expect(rankCopies(input).map((c) => c.id)).toEqual(["known", "unknown"]);
    expect(input[0]!.id).toBe("unknown");
  });
});
