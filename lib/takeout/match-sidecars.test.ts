import { describe, expect, it } from "vitest";
import { matchSidecars, originalNameOfEdited } from "./match-sidecars";
import { SIDECAR_CASES } from "./sidecar-cases";

const dir = "Google Photos/Photos from 2023";
const file = (name: string, part = "p1", folder = dir) => ({ key: `${part}:${folder}/${name}`, dir: folder, name });

function match(media: string[], jsons: string[]) {
  const result = matchSidecars(media.map((m) => file(m)), jsons.map((j) => file(j)));
  return Object.fromEntries(media.map((m) => [m, result.matches.get(file(m).key) ? `${result.matches.get(file(m).key)!.sidecar.split("/").pop()} (${result.matches.get(file(m).key)!.rule})` : null]));
}

describe("matchSidecars on naming cases from real exports (sidecar-cases.ts)", () => {
  it.each(SIDECAR_CASES.map((c) => [`${c.source}: ${c.media[0]}`, c] as const))("%s", (_name, c) => {
    const media = c.media.map((m) => file(m));
    const jsons = c.sidecars.map((s) => (typeof s === "string" ? file(s) : { ...file(s.name), title: s.title }));
    // The archive's order must not matter: forwards, backwards, and media/JSON in other parts.
    for (const order of [(l: typeof jsons) => l, (l: typeof jsons) => [...l].reverse()]) {
      const result = matchSidecars(order(media), order(jsons));
      const got = Object.fromEntries(c.media.map((m) => [m, result.matches.get(file(m).key)?.sidecar.split("/").pop() ?? null]));
      expect(got).toEqual(c.expect);
      const edited = Object.fromEntries([...result.editedFrom].map(([copy, original]) => [copy.split("/").pop(), original.split("/").pop()]));
      expect(edited).toEqual(c.editedFrom ?? {});
    }
  });
});

describe("matchSidecars", () => {
  it("matches plain and supplemental-metadata sidecars, including cut suffixes", () => {
    expect(match(["a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"], ["a.jpg.json", "b.jpg.supplemental-metadata.json", "c.jpg.supplemental-me.json", "d.jpg.s.json", "e.jpg..json"])).toEqual({
      "a.jpg": "a.jpg.json (exact)",
      "b.jpg": "b.jpg.supplemental-metadata.json (exact)",
      "c.jpg": "c.jpg.supplemental-me.json (exact)",
      "d.jpg": "d.jpg.s.json (exact)",
      "e.jpg": "e.jpg..json (exact)",
    });
  });

  it("handles (n) index swaps in both places", () => {
    expect(match(["IMG_1234.JPG", "IMG_1234(1).JPG", "IMG_1234(2).JPG"], ["IMG_1234.JPG.json", "IMG_1234.JPG(1).json", "IMG_1234.JPG.supplemental-metadata(2).json"])).toEqual({
      "IMG_1234.JPG": "IMG_1234.JPG.json (exact)",
      "IMG_1234(1).JPG": "IMG_1234.JPG(1).json (index)",
      "IMG_1234(2).JPG": "IMG_1234.JPG.supplemental-metadata(2).json (index)",
    });
    expect(match(["IMG_9(1).JPG"], ["IMG_9(1).JPG.json"])).toEqual({ "IMG_9(1).JPG": "IMG_9(1).JPG.json (exact)" });
  });

  it("handles names cut at the 51-character limit, and the name one character shorter", () => {
    const long = "Screenshot_20240726-153012_Some Very Long App Name.png"; // 54 characters
    const cut = `${long.slice(0, 46)}.json`; // the sidecar name, 51 characters
    const longer = "PXL_20240726_153012345.NIGHT.PORTRAIT-01.COVER.jpg";
    expect(match([long, longer], [cut, `${longer.slice(0, 46)}.json`])).toEqual({ [long]: `${cut} (truncated)`, [longer]: `${longer.slice(0, 46)}.json (truncated)` });
    expect(match(["IMG_0001.jpeg"], ["IMG_0001.jpe.json"])).toEqual({ "IMG_0001.jpeg": "IMG_0001.jpe.json (truncated)" });
  });

  it("matches a JSON named after a photo uploaded without an extension, by name or by its title", () => {
    const result = matchSidecars([file("Scan.jpg"), file("Receipt.png")], [file("Scan.supplemental-metadata.json"), { ...file("Rec.json"), title: "Receipt" }]);
    expect(result.matches.get(file("Scan.jpg").key)).toEqual({ sidecar: file("Scan.supplemental-metadata.json").key, rule: "title" });
    expect(result.matches.get(file("Receipt.png").key)).toEqual({ sidecar: file("Rec.json").key, rule: "title" });
  });

  it("takes a cut edited suffix only when the original it points at is in the folder", () => {
    const long = "123456789123456789123456789123456789_DSCN0091";
    expect(originalNameOfEdited(`${long}-ha edit.JPG`, (n) => n === `${long}.JPG`)).toBe(`${long}.JPG`);
    expect(originalNameOfEdited(`${long}-ha edit.JPG`)).toBeNull();
    expect(originalNameOfEdited("IMG_1-ha.jpg", () => true)).toBeNull(); // short names are never cut
  });

  it("does not pair a short name with a longer one that merely starts the same", () => {
    expect(match(["IMG_12.JPG"], ["IMG_1.JPG.json"])).toEqual({ "IMG_12.JPG": null });
  });

  it("gives a forgotten duplicate the unindexed sidecar", () => {
    expect(match(["beach.jpg", "beach(1).jpg"], ["beach.jpg.json"])).toEqual({ "beach.jpg": "beach.jpg.json (exact)", "beach(1).jpg": "beach.jpg.json (duplicate)" });
  });

  it("lets edited copies share their original's sidecar and links them, in any language", () => {
    const result = matchSidecars([file("IMG_1.jpg"), file("IMG_1-edited.jpg"), file("IMG_2-bearbeitet.JPG"), file("IMG_2.JPG"), file("IMG_3-modifié.jpg")], [file("IMG_1.jpg.json"), file("IMG_2.JPG.supplemental-metadata.json"), file("IMG_3.jpg.json")]);
    expect(result.matches.get(file("IMG_1-edited.jpg").key)).toEqual({ sidecar: file("IMG_1.jpg.json").key, rule: "edited" });
    expect(result.matches.get(file("IMG_2-bearbeitet.JPG").key)?.rule).toBe("edited");
    expect(result.matches.get(file("IMG_3-modifié.jpg").key)?.rule).toBe("edited");
    expect(result.editedFrom.get(file("IMG_1-edited.jpg").key)).toBe(file("IMG_1.jpg").key);
    expect(result.editedFrom.get(file("IMG_2-bearbeitet.JPG").key)).toBe(file("IMG_2.JPG").key);
    expect(result.editedFrom.has(file("IMG_3-modifié.jpg").key)).toBe(false); // original not exported
    expect(originalNameOfEdited("IMG_4-編集済み.jpg")).toBe("IMG_4.jpg");
    expect(originalNameOfEdited("IMG_4-edited(1).jpg")).toBe("IMG_4(1).jpg");
    expect(originalNameOfEdited("credited.jpg")).toBeNull();
  });

  it("shares a sidecar within Live Photo and Motion Photo pairs", () => {
    expect(match(["IMG_5.HEIC", "IMG_5.MP4", "PXL_1.MP.jpg", "PXL_1.MP"], ["IMG_5.HEIC.json", "PXL_1.MP.jpg.json"])).toEqual({
      "IMG_5.HEIC": "IMG_5.HEIC.json (exact)",
      "IMG_5.MP4": "IMG_5.HEIC.json (pair)",
      "PXL_1.MP.jpg": "PXL_1.MP.jpg.json (exact)",
      "PXL_1.MP": "PXL_1.MP.jpg.json (pair)",
    });
  });

  it("matches across NFC/NFD, hidden spaces and case, and across archive parts", () => {
    const nfd = "Été à Paris.jpg".normalize("NFD");
    const result = matchSidecars([file(nfd, "p2"), file("Screenshot 2024.png", "p1")], [file("Été à Paris.jpg.json", "p1"), file("screenshot\u202F2024.PNG.json", "p3")]);
    expect(result.unmatched).toEqual([]);
    expect(result.matches.get(file(nfd, "p2").key)?.sidecar).toBe(file("Été à Paris.jpg.json", "p1").key);
  });

  it("keeps sidecars to their own folder and lists the unmatched", () => {
    const result = matchSidecars([{ key: "m", dir: "Google Photos/Trip", name: "x.jpg" }], [{ key: "s", dir: "Google Photos/Photos from 2020", name: "x.jpg.json" }]);
    expect(result.unmatched).toEqual(["m"]);
  });
});
