// Orders recognised lines as a reader would: rows top to bottom, left to right within a row.
import type { OcrLine } from "./ocr-types";

/**
 * Sorts `lines` into rows (a line joins the row above it when their vertical centres are closer
 * than half the smaller height), rows top to bottom and lines left to right within each row; with
 * `upsideDown` (the page is turned 180°) bottom to top and right to left. Returns the rows.
 */
export function sortReadingOrder(lines: readonly OcrLine[], upsideDown = false): OcrLine[][] {
  const sign = upsideDown ? -1 : 1;
  const byCentre = [...lines].sort((a, b) => sign * (centreY(a) - centreY(b)));
  const rows: OcrLine[][] = [];
  for (const line of byCentre) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(centreY(line) - centreY(first)) < Math.min(first.box.height, line.box.height) / 2) row.push(line);
    else rows.push([line]);
  }
  for (const row of rows) row.sort((a, b) => sign * (centreX(a) - centreX(b)));
  return rows;
}

const centreY = (line: OcrLine) => line.box.y + line.box.height / 2;
const centreX = (line: OcrLine) => line.box.x + line.box.width / 2;
