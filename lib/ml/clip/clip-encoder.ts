import fs from "node:fs/promises";
import path from "node:path";
import {
  AutoProcessor,
  AutoTokenizer,
  CLIPTextModelWithProjection,
  CLIPVisionModelWithProjection,
  type Tensor,
} from "@huggingface/transformers";
import { AppError } from "@/lib/errors";
import { localTransformersEnv } from "@/lib/ml/models/local-transformers";
import { readRawImage } from "@/lib/ml/models/read-raw-image";
import { findClipModel } from "./find-clip-model";

/** A loaded CLIP model: image and text embeddings in one space, L2-normalised (cosine = dot). */
export type ClipEncoder = {
  /** Where the weights came from (`_name_or_path` of config.json, else the folder name). */
  modelId: string;
  dim: number;
  embedImage(image: Buffer): Promise<Float32Array>;
  embedText(text: string): Promise<Float32Array>;
  close(): Promise<void>;
};

export type ClipEncoderOptions = { modelDir: string; threads?: number };

/**
 * Loads a CLIP model from a local folder in the transformers.js layout (never from the network).
 * Throws AppError "not_ready" naming the missing files when the folder is incomplete.
 */
export async function createClipEncoder({ modelDir, threads }: ClipEncoderOptions): Promise<ClipEncoder> {
  const status = await findClipModel(modelDir);
  if (!status.present) {
    throw new AppError("not_ready", `CLIP model in ${status.modelDir} is incomplete; missing: ${status.missing.join(", ")} (run \`npm run models:download -- --model clip-vit-base-patch32\`)`);
  }
  localTransformersEnv();
  const dir = status.modelDir;
  const session_options = threads ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {};
  const load = { dtype: "fp32" as const, device: "cpu" as const, session_options };
  try {
    const [tokenizer, processor, textModel, visionModel, config] = await Promise.all([
      AutoTokenizer.from_pretrained(dir),
      AutoProcessor.from_pretrained(dir),
      CLIPTextModelWithProjection.from_pretrained(dir, load),
      CLIPVisionModelWithProjection.from_pretrained(dir, load),
      fs.readFile(path.join(dir, "config.json"), "utf8").then((text) => JSON.parse(text) as { _name_or_path?: string }),
    ]);
    const embed = async (output: Record<string, Tensor>, name: string): Promise<Float32Array> => {
      const tensor = output[name];
      if (!tensor || tensor.type !== "float32" || tensor.dims.length !== 2 || tensor.dims[0] !== 1) {
        throw new AppError("internal", `CLIP model in ${dir} gave no ${name} [1, D] float32 output`);
      }
      return l2Normalise(tensor.data as Float32Array);
    };
    const probe = await embed(await textModel(tokenizer("a photo", { padding: true, truncation: true })), "text_embeds");
    return {
      modelId: config._name_or_path || path.basename(dir),
      dim: probe.length,
      async embedImage(image) {
        const inputs = await processor(await readRawImage(image));
        return embed(await visionModel(inputs), "image_embeds");
      },
      async embedText(text) {
        return embed(await textModel(tokenizer(text, { padding: true, truncation: true })), "text_embeds");
      },
      async close() {
        await Promise.all([textModel.dispose(), visionModel.dispose()]);
      },
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("internal", `Cannot load the CLIP model in ${dir}: ${(error as Error).message}`, { cause: error });
  }
}

function l2Normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (!(norm > 0) || !Number.isFinite(norm)) throw new AppError("internal", "CLIP produced a zero or non-finite embedding");
  return Float32Array.from(vector, (value) => value / norm);
}
