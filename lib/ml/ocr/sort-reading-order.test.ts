import { describe, expect, it } from "vitest";
import type { OcrLine } from "./ocr-types";
import { sortReadingOrder } from "./sort-reading-order";

const line = (text: string, x: number, y: number, width = 50, height = 20): OcrLine => ({ text, score: 1, box: { x, y, width, height } });

describe("sortReadingOrder", () => {
  const lines = [line("world", 200, 103), line("second", 10, 140), line("hello", 10, 100), line("third", 10, 180)];

  it("groups lines on one row left to right and rows top to bottom", () => {
    expect(sortReadingOrder(lines).map((row) => row.map((l) => l.text))).toEqual([["hello", "world"], ["second"], ["third"]]);
  });

  it("reads a page turned upside down from the bottom right", () => {
    expect(sortReadingOrder(lines, true).map((row) => row.map((l) => l.text))).toEqual([["third"], ["second"], ["world", "hello"]]);
  });
});
