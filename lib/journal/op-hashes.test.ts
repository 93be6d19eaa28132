import { describe, expect, it } from "vitest";
import { opHashes } from "./op-hashes";

const box = { x: 0.1, y: 0.1, width: 0.2, height: 0.2 };

describe("opHashes", () => {
  it("names the photos an op is about, and none for Files, libraries or album deletion", () => {
    expect(opHashes({ op: "asset.update", sha256s: ["a", "b"], favorite: true })).toEqual(["a", "b"]);
    expect(opHashes({ op: "asset.live-pair", sha256: "a", videoSha256: "v" })).toEqual(["a", "v"]);
    expect(opHashes({ op: "album.create", id: "x", title: "T", description: null, sha256s: ["c"] })).toEqual(["c"]);
    expect(opHashes({ op: "album.update", id: "x", title: "T" })).toEqual([]);
    expect(opHashes({ op: "album.update", id: "x", coverSha256: "d" })).toEqual(["d"]);
    expect(opHashes({ op: "person.merge", from: "p", into: "q", faces: [{ sha256: "e", box }] })).toEqual(["e"]);
    expect(opHashes({ op: "face.move", face: { sha256: "f", box }, personId: "q" })).toEqual(["f"]);
    expect(opHashes({ op: "files.entry", id: "1", folderId: null, name: "n", sha256: "g", trashed: false })).toEqual([]);
    expect(opHashes({ op: "library.add", id: "l", root: "/srv/photos", origin: "settings" })).toEqual([]);
    expect(opHashes({ op: "album.delete", id: "x" })).toEqual([]);
  });
});
