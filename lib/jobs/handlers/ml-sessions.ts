import type { Config } from "@/lib/config";
import type { Captioner } from "@/lib/ml/captions/captioner";
import { createOpenAiCaptioner } from "@/lib/ml/captions/create-openai-captioner";
import type { ClipEncoder } from "@/lib/ml/clip/clip-encoder";
import type { FaceAnalyzer } from "@/lib/ml/faces/face-types";
import { chooseFacePipeline } from "@/lib/ml/faces/choose-face-pipeline";
import { openFaceAnalyzer } from "@/lib/ml/faces/open-face-analyzer";
import { modelStatus } from "@/lib/ml/model-status";
import { createTextReader } from "@/lib/ml/ocr/create-text-reader";
import type { TextReader } from "@/lib/ml/ocr/ocr-types";

type Model = { close?: () => Promise<void> };
type Entry = { model: Promise<object>; users: number; lastUsed: number };

// One loaded model per process, created on first use and shared by the job lanes. A failed load
// is forgotten so the next job tries again (e.g. after the owner fixed the model folder); a model
// nobody used for five minutes is closed, giving its memory back (OCR alone holds ~300–450 MiB
// once warm) until the next job loads it again in about a second.
const loaded = new Map<string, Entry>();
const IDLE_MS = 5 * 60_000;

setInterval(() => {
  for (const [key, entry] of loaded) {
    if (entry.users > 0 || Date.now() - entry.lastUsed < IDLE_MS) continue;
    loaded.delete(key);
    void entry.model.then((model) => (model as Model).close?.()).catch(() => {});
  }
}, 60_000).unref();

async function withModel<T extends object, R>(key: string, create: () => Promise<T>, run: (model: T) => Promise<R>): Promise<R> {
  let entry = loaded.get(key);
  if (!entry) {
    entry = { model: create(), users: 0, lastUsed: Date.now() };
    loaded.set(key, entry);
    const created = entry;
    created.model.catch(() => loaded.get(key) === created && loaded.delete(key));
  }
  entry.users += 1;
  try {
    return await run((await entry.model) as T);
  } finally {
    entry.users -= 1;
    entry.lastUsed = Date.now();
  }
}

/** Runs `run` with the process's OCR reader. */
export const withTextReader = <R>(config: Config, run: (reader: TextReader) => Promise<R>) => withModel("ocr", () => createTextReader({ threads: config.mlThreads }), run);

/** Runs `run` with the face pipeline the configuration chooses (see chooseFacePipeline). */
export const withFaceAnalyzer = <R>(config: Config, run: (analyzer: FaceAnalyzer) => Promise<R>) => {
  const pipeline = chooseFacePipeline(config);
  return withModel(`faces:${pipeline}:${config.models.faces}`, () => openFaceAnalyzer(config, pipeline), run);
};

// CLIP and the local captioner are imported on first use: transformers.js alone adds ~135 MiB to
// the worker's resident memory, for nothing on a library without those models.

/** Runs `run` with the CLIP model of the configured folder. */
export const withClipEncoder = <R>(config: Config, run: (encoder: ClipEncoder) => Promise<R>) =>
  withModel(
    `clip:${config.models.clip}`,
    async () => (await import("@/lib/ml/clip/clip-encoder")).createClipEncoder({ modelDir: config.models.clip, threads: config.mlThreads }),
    run,
  );

/** Runs `run` with the owner's caption endpoint when configured, else the local captioning model. */
export const withCaptioner = <R>(config: Config, run: (captioner: Captioner) => Promise<R>) =>
  config.captionEndpoint
    ? withModel(`caption:${config.captionEndpoint.baseUrl}`, async () => createOpenAiCaptioner(config.captionEndpoint!), run)
    : withModel(
        `caption:${config.models.captioner}`,
        async () => (await import("@/lib/ml/captions/create-local-captioner")).createLocalCaptioner({ modelDir: config.models.captioner, threads: config.mlThreads }),
        run,
      );

/** What a model-backed job kind lacks (null when it can run), as the admin API reports it. */
export async function missingModel(config: Config, kind: "faces" | "clip" | "caption"): Promise<string | null> {
  const model = (await modelStatus(config)).find((m) => m.kind === kind)!;
  return model.present ? null : `${kind} model ${model.missing} in ${model.where} — ${model.howToGet}`;
}
