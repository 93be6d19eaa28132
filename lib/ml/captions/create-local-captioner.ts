import path from "node:path";
import { pipeline } from "@huggingface/transformers";
import { AppError } from "@/lib/errors";
import { localTransformersEnv } from "@/lib/ml/models/local-transformers";
import { readRawImage } from "@/lib/ml/models/read-raw-image";
import type { Captioner } from "./captioner";

export type LocalCaptionerOptions = { modelDir: string; threads?: number; maxNewTokens?: number };

/**
 * A captioner over transformers.js's `image-to-text` pipeline, loaded from a local folder in the
 * transformers.js layout (e.g. Xenova/vit-gpt2-image-captioning: config.json,
 * generation_config.json, preprocessor_config.json, tokenizer files, onnx/encoder_model.onnx,
 * onnx/decoder_model_merged.onnx). Never downloads; throws AppError "not_ready" when it cannot load.
 */
export async function createLocalCaptioner({ modelDir, threads, maxNewTokens = 30 }: LocalCaptionerOptions): Promise<Captioner> {
  localTransformersEnv();
  const dir = path.resolve(modelDir);
  const session_options = threads ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {};
  const captioner = await pipeline("image-to-text", dir, { dtype: "fp32", device: "cpu", session_options }).catch((error: Error) => {
    throw new AppError("not_ready", `Cannot load the caption model in ${dir}: ${error.message}`, { cause: error });
  });
  return {
    id: `local:${path.basename(dir)}`,
    async caption(image) {
      const [first] = await captioner(await readRawImage(image, 384), { max_new_tokens: maxNewTokens });
      const text = first?.generated_text.trim();
      if (!text) throw new AppError("internal", `The caption model in ${dir} produced no text`);
      return text;
    },
  };
}
