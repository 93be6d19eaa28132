// Shapes shared by the OCR adapter (detection, recognition, reading order) and its callers.

/** Axis-aligned rectangle in upright (EXIF-applied) image pixels. */
export type OcrBox = { x: number; y: number; width: number; height: number };

/** One recognised line of text. `score` is the recogniser's mean character confidence, 0..1. */
export type OcrLine = { text: string; score: number; box: OcrBox };

/** Text found in one image; `text` is the lines in reading order (same row: space, new row: newline). */
export type OcrResult = { width: number; height: number; text: string; lines: OcrLine[] };

/** OCR over loaded models; create once, reuse for many images, close when done. */
export type TextReader = {
  read(image: Buffer): Promise<OcrResult>;
  close(): Promise<void>;
};

/** An upright RGB image as packed 8-bit pixels (3 bytes per pixel, rows top to bottom). */
export type RgbImage = { data: Uint8Array; width: number; height: number };

/**
 * A text region as a rotated rectangle: centre, unit reading direction `u` (text runs along it,
 * "down" is `u` turned 90° clockwise on screen), `length` along `u` and `thickness` across it.
 */
export type TextRegion = { cx: number; cy: number; ux: number; uy: number; length: number; thickness: number };
