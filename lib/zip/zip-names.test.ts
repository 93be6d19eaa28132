import { describe, expect, it } from "vitest";
import { safeZipNames } from "./zip-names";

describe("safeZipNames", () => {
  it("keeps Unicode, drops folders and `..`, and makes repeated names unique (case-insensitively)", () => {
    expect(safeZipNames(["Été à Kyōto.jpg", "../../etc/passwd", "IMG_1.JPG", "img_1.jpg", "IMG_1.JPG", "a\u0000b?.png", "..", "C:\\Users\\x.heic", "e\u0301te\u0301.jpg", "été.jpg"])).toEqual([
      "Été à Kyōto.jpg",
      "passwd",
      "IMG_1.JPG",
      "img_1 (2).jpg",
      "IMG_1 (3).JPG",
      "a_b_.png",
      "file",
      "x.heic",
      "été.jpg",
      "été (2).jpg",
    ]);
  });

  it("cuts very long names on a character boundary, keeping the extension", () => {
    const [name] = safeZipNames(["日".repeat(300) + ".jpg"]);
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(200);
    expect(name!.endsWith("日.jpg")).toBe(true);
  });
});
