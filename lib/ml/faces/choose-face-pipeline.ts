// Which face pipeline the configuration asks for (file metadata only: the app's status pages use it too).
import fs from "node:fs";
import path from "node:path";
import type { Config } from "@/lib/config";
import { DETECTOR_FILE, EMBEDDER_FILE } from "./face-types";

export type FacePipeline = "face-api" | "yunet";

/**
 * The pipeline to run: the one ALBUMS_FACE_PIPELINE names, else ("auto") the owner's YuNet +
 * MobileFaceNet when both files are in the face model folder, else face-api's models from npm.
 */
export function chooseFacePipeline(config: Pick<Config, "facePipeline" | "models">): FacePipeline {
  if (config.facePipeline !== "auto") return config.facePipeline;
  const present = (file: string) => Boolean(fs.statSync(path.join(/*turbopackIgnore: true*/ config.models.faces, file), { throwIfNoEntry: false })?.size);
  return present(DETECTOR_FILE) && present(EMBEDDER_FILE) ? "yunet" : "face-api";
}

/** Where face-api's converted ONNX files are cached: beside the other models of the data dir. */
export const faceApiCacheDir = (config: Pick<Config, "models">) => path.join(config.models.dir, "face-api");
