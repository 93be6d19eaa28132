// Runs transformers.js's real image-to-text pipeline (processor, VisionEncoderDecoder generation
// loop, tokenizer decode) over a constructed caption model: the encoder pools the colour channels
// and the decoder "says" the strongest colour word, then end-of-text. Unlike the real
// Xenova/vit-gpt2-image-captioning it has no KV cache inputs (use_cache_branch, past_key_values.*)
// and uses the CLIP BPE tokenizer (the GPT-2 one is not available here). Plumbing, not captions.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKENIZER_FILES, encodeModel, floatTensor, int, ints, onnx, valueInfo } from "@/tests/support/clip-model";
import { sharedPath } from "@/tests/support/shared";
import type { Captioner } from "./captioner";
import { createLocalCaptioner } from "./create-local-captioner";

const { FLOAT, INT64 } = onnx.TensorProto.DataType;
const START = 49406, END = 49407;

/** encoder_model.onnx: pixel_values → last_hidden_state [batch, 1, 3] = mean of each channel. */
function encoder(): Uint8Array {
  return encodeModel({
    name: "tiny_caption_encoder",
    input: [valueInfo("pixel_values", FLOAT, ["batch_size", "num_channels", "height", "width"])],
    output: [valueInfo("last_hidden_state", FLOAT, ["batch_size", 1, 3])],
    initializer: [{ name: "shape", dims: [3], dataType: INT64, int64Data: [0, 1, 3] }],
    node: [
      { opType: "ReduceMean", input: ["pixel_values"], output: ["pooled"], attribute: [ints("axes", [2, 3]), int("keepdims", 1)] },
      { opType: "Reshape", input: ["pooled", "shape"], output: ["last_hidden_state"] },
    ],
  });
}

/** decoder_model_merged.onnx: logits = colour words from the image + a large end-of-text after a colour word. */
function decoder(vocabSize: number, colourIds: number[]): Uint8Array {
  const fromImage = new Float32Array(3 * vocabSize);
  colourIds.forEach((id, channel) => (fromImage[channel * vocabSize + id] = 1));
  const isColour = new Float32Array(vocabSize);
  for (const id of colourIds) isColour[id] = 1;
  const endAfterColour = new Float32Array(vocabSize);
  endAfterColour[END] = 100;
  return encodeModel({
    name: "tiny_caption_decoder",
    input: [valueInfo("input_ids", INT64, ["batch_size", "decoder_sequence_length"]), valueInfo("encoder_hidden_states", FLOAT, ["batch_size", "encoder_sequence_length", 3])],
    output: [valueInfo("logits", FLOAT, ["batch_size", "decoder_sequence_length", vocabSize])],
    initializer: [floatTensor("from_image", [3, vocabSize], fromImage), floatTensor("is_colour", [vocabSize, 1], isColour), floatTensor("end_after_colour", [1, vocabSize], endAfterColour)],
    node: [
      { opType: "ReduceMean", input: ["encoder_hidden_states"], output: ["image"], attribute: [ints("axes", [1]), int("keepdims", 1)] },
      { opType: "MatMul", input: ["image", "from_image"], output: ["image_logits"] },
      { opType: "Gather", input: ["is_colour", "input_ids"], output: ["token_is_colour"], attribute: [int("axis", 0)] },
      { opType: "MatMul", input: ["token_is_colour", "end_after_colour"], output: ["token_logits"] },
      { opType: "Add", input: ["image_logits", "token_logits"], output: ["logits"] },
    ],
  });
}

async function writeTinyCaptionModel(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "albums-tiny-caption-"));
  await fs.mkdir(path.join(dir, "onnx"));
  for (const file of TOKENIZER_FILES) await fs.copyFile(sharedPath("models/clip-tokenizer", file), path.join(dir, file));
  const vocab = JSON.parse(await fs.readFile(path.join(dir, "vocab.json"), "utf8")) as Record<string, number>;
  const vocabSize = Math.max(...Object.values(vocab)) + 1;
  await fs.writeFile(path.join(dir, "onnx/encoder_model.onnx"), encoder());
  await fs.writeFile(path.join(dir, "onnx/decoder_model_merged.onnx"), decoder(vocabSize, ["red", "green", "blue"].map((w) => vocab[`${w}</w>`]!)));
  const ids = { bos_token_id: START, eos_token_id: END, pad_token_id: END, decoder_start_token_id: START };
  const files = {
    "config.json": {
      model_type: "vision-encoder-decoder",
      architectures: ["VisionEncoderDecoderModel"],
      is_encoder_decoder: true,
      encoder: { model_type: "vit", hidden_size: 3, image_size: 224, patch_size: 16, num_channels: 3 },
      decoder: { model_type: "gpt2", n_embd: 3, n_head: 1, n_layer: 1, vocab_size: vocabSize, add_cross_attention: true, ...ids },
      ...ids,
    },
    "generation_config.json": { ...ids, max_length: 8 },
    // nlpconnect/vit-gpt2-image-captioning's preprocessing (224, bilinear, mean/std 0.5).
    "preprocessor_config.json": { do_normalize: true, do_resize: true, feature_extractor_type: "ViTFeatureExtractor", image_mean: [0.5, 0.5, 0.5], image_std: [0.5, 0.5, 0.5], resample: 2, size: 224 },
  };
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), JSON.stringify(content));
  return dir;
}

const solid = (r: number, g: number, b: number) => sharp({ create: { width: 300, height: 200, channels: 3, background: { r, g, b } } }).jpeg().toBuffer();

let modelDir: string;
let captioner: Captioner;

beforeAll(async () => {
  modelDir = await writeTinyCaptionModel();
  captioner = await createLocalCaptioner({ modelDir, threads: 1 });
});

afterAll(async () => {
  if (modelDir) await fs.rm(modelDir, { recursive: true, force: true });
});

describe("createLocalCaptioner over a constructed model", () => {
  it("names itself after the model folder", () => {
    expect(captioner.id).toBe(`local:${path.basename(modelDir)}`);
  });

  it.each([
    ["red", [220, 30, 30]],
    ["green", [30, 200, 40]],
    ["blue", [20, 40, 230]],
  ] as const)("generates '%s' for a photo of that colour, then stops at end-of-text", async (word, [r, g, b]) => {
    expect(await captioner.caption(await solid(r, g, b))).toBe(word);
  });

  it("fails to load a folder without the ONNX files, with a clear error", async () => {
    const broken = await fs.mkdtemp(path.join(os.tmpdir(), "albums-no-caption-"));
    try {
      await expect(createLocalCaptioner({ modelDir: broken })).rejects.toMatchObject({ code: "not_ready", message: expect.stringContaining(broken) });
    } finally {
      await fs.rm(broken, { recursive: true, force: true });
    }
  });
});
