// Opens the face pipeline the configuration chooses.
import type { Config } from "@/lib/config";
import { chooseFacePipeline, faceApiCacheDir } from "./choose-face-pipeline";
import { createFaceAnalyzer } from "./create-face-analyzer";
import { createFaceApiAnalyzer } from "./face-api/create-face-api-analyzer";
import type { FaceAnalyzer } from "./face-types";

/** Loads the chosen pipeline's models (face-api's are converted on first use, ~3 s). */
export function openFaceAnalyzer(config: Pick<Config, "facePipeline" | "models" | "mlThreads">, pipeline = chooseFacePipeline(config)): Promise<FaceAnalyzer> {
  return pipeline === "yunet"
    ? createFaceAnalyzer({ modelDir: config.models.faces, threads: config.mlThreads })
    : createFaceApiAnalyzer({ cacheDir: faceApiCacheDir(config), threads: config.mlThreads });
}
