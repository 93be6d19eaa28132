import type { Config } from "@/lib/config";
import type { Captioner } from "@/lib/ml/captions/captioner";
import { createLocalCaptioner } from "@/lib/ml/captions/create-local-captioner";
import { createOpenAiCaptioner } from "@/lib/ml/captions/create-openai-captioner";
import { type ClipEncoder, createClipEncoder } from "@/lib/ml/clip/clip-encoder";
import { createFaceAnalyzer } from "@/lib/ml/faces/create-face-analyzer";
import type { FaceAnalyzer } from "@/lib/ml/faces/face-types";
import { modelStatus } from "@/lib/ml/model-status";
import { createTextReader } from "@/lib/ml/ocr/create-text-reader";
import type { TextReader } from "@/lib/ml/ocr/ocr-types";

// One loaded model per process, created on first use and shared by the job lanes; a failed load
// is forgotten so the next job tries again (e.g. after the owner fixed the model folder).
const loaded = new Map<string, Promise<unknown>>();

function shared<T>(key: string, create: () => Promise<T>): Promise<T> {
  let model = loaded.get(key) as Promise<T> | undefined;
  if (!model) {
    model = create();
    loaded.set(key, model);
    model.catch(() => loaded.delete(key));
  }
  return model;
}

export const textReader = (config: Config): Promise<TextReader> => shared("ocr", () => createTextReader({ threads: config.mlThreads }));
export const faceAnalyzer = (config: Config): Promise<FaceAnalyzer> => shared(`faces:${config.models.faces}`, () => createFaceAnalyzer({ modelDir: config.models.faces, threads: config.mlThreads }));
export const clipEncoder = (config: Config): Promise<ClipEncoder> => shared(`clip:${config.models.clip}`, () => createClipEncoder({ modelDir: config.models.clip, threads: config.mlThreads }));

/** The owner's endpoint when configured, else the local captioning model. */
export const captioner = (config: Config): Promise<Captioner> =>
  config.captionEndpoint
    ? shared(`caption:${config.captionEndpoint.baseUrl}`, async () => createOpenAiCaptioner(config.captionEndpoint!))
    : shared(`caption:${config.models.captioner}`, () => createLocalCaptioner({ modelDir: config.models.captioner, threads: config.mlThreads }));

/** What a model-backed job kind lacks (null when it can run), as the admin API reports it. */
export async function missingModel(config: Config, kind: "faces" | "clip" | "caption"): Promise<string | null> {
  const model = (await modelStatus(config)).find((m) => m.kind === kind)!;
  return model.present ? null : `${kind} model ${model.missing} in ${model.where} — ${model.howToGet}`;
}
