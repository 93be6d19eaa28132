import { describe, expect, it } from "vitest";
import { cleanFileName } from "./clean-file-name";

describe("cleanFileName", () => {
  it.each([
    ["a\u0000b/../../x.jpg", "x.jpg"],
    ["..\\..\\windows\\evil.jpg", "evil.jpg"],
    ["photo\u202Egpj.exe", "photogpj.exe"],
    ["\u2066ab\u2069\u200f\ufeffc.png", "abc.png"],
    ["line\r\nbreak.jpg", "linebreak.jpg"],
    ["e\u0301te\u0301.jpg", "\u00e9t\u00e9.jpg"],
    ["  spaced.jpg  ", "spaced.jpg"],
    ["family \u{1F468}\u200D\u{1F469}.jpg", "family \u{1F468}\u200D\u{1F469}.jpg"],
    ["", "unnamed"],
    [undefined, "unnamed"],
    ["..", "unnamed"],
    ["dir/", "unnamed"],
  ])("%j → %j", (input, expected) => expect(cleanFileName(input)).toBe(expected));

  it("bounds the length without splitting a character", () => {
    const name = cleanFileName(`${"\u{1F4F7}".repeat(300)}.jpg`);
    expect(Array.from(name)).toHaveLength(255);
    expect(Buffer.from(name).toString()).toBe(name); // no lone surrogate
  });
});
