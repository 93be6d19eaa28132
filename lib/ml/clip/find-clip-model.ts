import fs from "node:fs/promises";
import path from "node:path";

/** Files a CLIP model folder needs, in the transformers.js layout of Xenova/clip-vit-base-patch32. */
export const CLIP_MODEL_FILES = [
  "config.json",
  "preprocessor_config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  "onnx/text_model.onnx",
  "onnx/vision_model.onnx",
] as const;

export type ClipModelStatus = { present: boolean; modelDir: string; missing: string[] };

/**
 * Says whether `modelDir` holds a usable CLIP model and which required files are missing or empty
 * (paths relative to the folder). Reads nothing but file metadata.
 */
export async function findClipModel(modelDir: string): Promise<ClipModelStatus> {
  const dir = path.resolve(/*turbopackIgnore: true*/ modelDir);
  const missing: string[] = [];
  for (const file of CLIP_MODEL_FILES) {
    const stat = await fs.stat(path.join(/*turbopackIgnore: true*/ dir, file)).catch(() => null);
    if (!stat?.isFile() || stat.size === 0) missing.push(file);
  }
  return { present: missing.length === 0, modelDir: dir, missing };
}

/** True when `modelDir` holds every file of a CLIP model (see findClipModel for what is missing). */
export async function isClipModelPresent(modelDir: string): Promise<boolean> {
  return (await findClipModel(modelDir)).present;
}
