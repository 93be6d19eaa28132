// The ONNX files converted from @vladmandic/face-api's TF.js weights, built once and cached.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { writeAtomically } from "@/lib/search/text-index-files";
import { buildDescriptorGraph } from "./build-descriptor-graph";
import { buildLandmarkGraph } from "./build-landmark-graph";
import { buildSsdGraph } from "./build-ssd-graph";
import { readTfjsWeights } from "./read-tfjs-weights";

/** Bump when the conversion changes, so caches of an older conversion are rebuilt. */
const CONVERSION = 1;

/** The installed package's `model` folder (TF.js manifests + shards) and version. */
export function faceApiPackage(): { weightsDir: string; version: string } {
  const manifest = createRequire(import.meta.url).resolve("@vladmandic/face-api/package.json");
  const { version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string };
  return { weightsDir: path.join(path.dirname(manifest), "model"), version };
}

/**
 * Paths of the detector, landmark and descriptor ONNX files under `cacheDir` (a folder per package version
 * and conversion), converting the package's weights first when they are not there yet (~1 s;
 * written atomically, so a crash mid-way leaves no half file and the next call converts again).
 */
export function ensureFaceApiModels(cacheDir: string): { detector: string; landmarks: string; descriptor: string } {
  const { weightsDir, version } = faceApiPackage();
  const dir = path.join(cacheDir, `face-api-${version}-c${CONVERSION}`);
  const files = { detector: path.join(dir, "ssd_mobilenetv1.onnx"), landmarks: path.join(dir, "face_landmark_68.onnx"), descriptor: path.join(dir, "face_recognition.onnx") };
  if (!fs.existsSync(files.detector)) writeAtomically(dir, path.basename(files.detector), Buffer.from(buildSsdGraph(readTfjsWeights(weightsDir, "ssd_mobilenetv1_model"))));
  if (!fs.existsSync(files.landmarks)) writeAtomically(dir, path.basename(files.landmarks), Buffer.from(buildLandmarkGraph(readTfjsWeights(weightsDir, "face_landmark_68_model"))));
  if (!fs.existsSync(files.descriptor)) writeAtomically(dir, path.basename(files.descriptor), Buffer.from(buildDescriptorGraph(readTfjsWeights(weightsDir, "face_recognition_model"))));
  return files;
}
