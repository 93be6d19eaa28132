import { describe, expect, it } from "vitest";
import { spellingVariants } from "./spelling-variants";

describe("spellingVariants", () => {
  it("reaches the word one letter away by insertion, deletion, replacement and swap", () => {
    expect(spellingVariants("parkng")).toContain("parking");
    expect(spellingVariants("arrezzo")).toContain("arezzo");
    expect(spellingVariants("beahc")).toContain("beach");
    expect(spellingVariants("bwach")).toContain("beach");
  });

  it("never offers the word itself or anything two edits away", () => {
    const variants = spellingVariants("harbour");
    expect(variants).not.toContain("harbour");
    expect(variants).not.toContain("harb");
  });

  it("leaves short words and words with digits alone", () => {
    expect(spellingVariants("park")).toEqual([]);
    expect(spellingVariants("img5195")).toEqual([]);
  });
});
