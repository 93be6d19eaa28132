import { describe, expect, it } from "vitest";
import { isIgnoredName } from "./ignored-name";

describe("isIgnoredName", () => {
  it("ignores temp names and dotfiles", () => {
    for (const name of [".syncthing.IMG_1.jpg.tmp", "~syncthing~IMG_1.jpg.tmp", ".stfolder", ".stversions", ".stignore", ".DS_Store", "a.jpg.partial", "a.jpg.crdownload", "a.mp4.part", "A.JPG.PART"]) {
      expect(isIgnoredName(name), name).toBe(true);
    }
  });

  it("keeps ordinary names", () => {
    for (const name of ["IMG_20240101_120000.jpg", "VID_1.mp4", "tmp.jpg", "partial.png", "notes.txt", "a.tmp"]) expect(isIgnoredName(name), name).toBe(false);
  });
});
