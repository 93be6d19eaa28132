import { describe, expect, it } from "vitest";
import { parseDateWords } from "./parse-date-words";

const now = new Date(2026, 10, 21, 10, 0); // Saturday 21 November 2026, local time
const range = (q: string) => {
  const { text, range } = parseDateWords(q, now);
  return { text, from: range?.from.toLocaleDateString("en-CA"), to: range?.to.toLocaleDateString("en-CA"), words: range?.words };
};

describe("parseDateWords", () => {
  it("reads years, months with years and seasons", () => {
    expect(range("arezzo 2008")).toEqual({ text: "arezzo", from: "2008-01-01", to: "2009-01-01", words: "2008" });
    expect(range("beach July 2023")).toEqual({ text: "beach", from: "2023-07-01", to: "2023-08-01", words: "July 2023" });
    expect(range("summer 2019 lake")).toMatchObject({ text: "lake", from: "2019-06-01", to: "2019-09-01" });
    expect(range("dec 2020")).toMatchObject({ from: "2020-12-01", to: "2021-01-01" });
  });

  it("reads relative words against now", () => {
    expect(range("last summer")).toMatchObject({ text: "", from: "2026-06-01", to: "2026-09-01" });
    expect(range("last winter")).toMatchObject({ from: "2025-12-01", to: "2026-03-01" });
    expect(range("this year")).toMatchObject({ from: "2026-01-01", to: "2027-01-01" });
    expect(range("last month")).toMatchObject({ from: "2026-10-01", to: "2026-11-01" });
    expect(range("last week")).toMatchObject({ from: "2026-11-09", to: "2026-11-16" });
    expect(range("yesterday cat")).toMatchObject({ text: "cat", from: "2026-11-20", to: "2026-11-21" });
    // A month without a year is its latest occurrence.
    expect(range("december")).toMatchObject({ from: "2025-12-01", to: "2026-01-01" });
    expect(range("march")).toMatchObject({ from: "2026-03-01", to: "2026-04-01" });
  });

  it("leaves other words alone", () => {
    expect(range("may flowers")).toEqual({ text: "may flowers", from: undefined, to: undefined, words: undefined });
    expect(range("room 101 parking")).toEqual({ text: "room 101 parking", from: undefined, to: undefined, words: undefined });
    expect(range("3000")).toMatchObject({ from: undefined });
  });

  it("treats object property names as plain words (hardening 10)", () => {
    for (const word of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(range(word)).toEqual({ text: word, from: undefined, to: undefined, words: undefined });
      expect(range(`${word} 2020`)).toMatchObject({ text: word, from: "2020-01-01" });
      expect(range(`last ${word}`)).toMatchObject({ text: `last ${word}`, from: undefined });
    }
  });
});
