import { describe, expect, it } from "vitest";
import { classifyEntry, unsafeEntryName } from "./classify-entry";

describe("classifyEntry", () => {
  it("finds the Photos area in any language, with the album or year folder", () => {
    expect(classifyEntry("Takeout/Google Photos/Photos from 2023/IMG_1.jpg")).toEqual({ area: "photos", dir: "Photos from 2023", name: "IMG_1.jpg", json: false });
    expect(classifyEntry("Takeout/Google Fotos/Urlaub/IMG_1.jpg.json")).toEqual({ area: "photos", dir: "Urlaub", name: "IMG_1.jpg.json", json: true });
    expect(classifyEntry("Takeout/Fotky Google/Výlet/a.jpg")).toMatchObject({ area: "photos", dir: "Výlet" });
    expect(classifyEntry("Google Photos/Trip/a.jpg")).toMatchObject({ area: "photos", dir: "Trip" });
  });

  it("keeps the Drive folder path", () => {
    expect(classifyEntry("Takeout/Drive/Taxes/2023/return.pdf")).toEqual({ area: "drive", dir: "Taxes/2023", name: "return.pdf" });
    expect(classifyEntry("Takeout/Drive/notes.docx")).toEqual({ area: "drive", dir: "", name: "notes.docx" });
  });

  it("puts everything else aside", () => {
    expect(classifyEntry("Takeout/archive_browser.html").area).toBe("other");
    expect(classifyEntry("Takeout/Mail/All mail.mbox").area).toBe("other");
  });
});

describe("unsafeEntryName", () => {
  it.each(["../../etc/passwd", "Takeout/../../x", "/etc/passwd", "C:/Windows/x", "Takeout\\..\\x", "a\0b"])("refuses %s", (name) => expect(unsafeEntryName(name)).not.toBeNull());
  it("accepts normal names, dots included", () => expect(unsafeEntryName("Takeout/Google Photos/.hidden/a..b.jpg")).toBeNull());
});
