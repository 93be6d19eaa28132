// A tiny, constructed CLIP model in the transformers.js layout of Xenova/clip-vit-base-patch32: the
// real OpenAI tokenizer files (copied from ../shared at test time), the real ViT-B/32
// preprocessing config, and ONNX graphs with the real exports' input/output names, dtypes and
// dynamic axes. Its "semantics" are rigged — colour words and colour channels share embedding
// axes — so it proves the plumbing (tokenizer, preprocessing, session, ranking), not CLIP itself.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import onnxProto, { type onnx as Onnx } from "onnx-proto";
import { sharedPath } from "./shared";

export const { onnx } = onnxProto;

/** Embedding axes: red, green, blue, and one that every other token / image has a little of. */
export const TINY_CLIP_DIM = 8;
const COLOUR_WORDS = ["red", "green", "blue"] as const;
export const TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json", "vocab.json", "merges.txt", "special_tokens_map.json"];

type Dim = number | string;

/** Graph input/output declaration: a tensor of `elemType` with fixed (number) or named dynamic (string) axes. */
export function valueInfo(name: string, elemType: number, dims: Dim[]): Onnx.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) } } },
  };
}

/** A float32 initializer. */
export function floatTensor(name: string, dims: number[], values: Float32Array): Onnx.ITensorProto {
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
}

/** An INTS node attribute. */
export function ints(name: string, values: number[]): Onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: values };
}

/** An INT node attribute. */
export function int(name: string, value: number): Onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

/** Serialises a graph as an ONNX model (opset 14). */
export function encodeModel(graph: Onnx.IGraphProto): Uint8Array {
  // Opset 14 and IR 7, as optimum exports CLIP by default.
  const model = onnx.ModelProto.create({ irVersion: 7, producerName: "albums-tests", opsetImport: [{ domain: "", version: 14 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

/** text_model.onnx: input_ids [batch_size, sequence_length] int64 → text_embeds [batch_size, D]. */
function textModel(vocabSize: number, colourTokenIds: number[]): Uint8Array {
  const table = new Float32Array(vocabSize * TINY_CLIP_DIM);
  for (let token = 0; token < vocabSize; token++) table[token * TINY_CLIP_DIM + 3] = 0.1;
  colourTokenIds.forEach((token, axis) => (table[token * TINY_CLIP_DIM + axis] = 1));
  return encodeModel({
    name: "tiny_clip_text",
    input: [valueInfo("input_ids", onnx.TensorProto.DataType.INT64, ["batch_size", "sequence_length"])],
    output: [valueInfo("text_embeds", onnx.TensorProto.DataType.FLOAT, ["batch_size", TINY_CLIP_DIM])],
    initializer: [floatTensor("token_embedding", [vocabSize, TINY_CLIP_DIM], table)],
    node: [
      { opType: "Gather", input: ["token_embedding", "input_ids"], output: ["token_vectors"], attribute: [int("axis", 0)] },
      { opType: "ReduceMax", input: ["token_vectors"], output: ["text_embeds"], attribute: [ints("axes", [1]), int("keepdims", 0)] },
    ],
  });
}

/** vision_model.onnx: pixel_values [batch_size, num_channels, height, width] float → image_embeds [batch_size, D]. */
function visionModel(): Uint8Array {
  const projection = new Float32Array(3 * TINY_CLIP_DIM);
  for (let channel = 0; channel < 3; channel++) projection[channel * TINY_CLIP_DIM + channel] = 1;
  const bias = new Float32Array(TINY_CLIP_DIM);
  bias[3] = 0.1;
  return encodeModel({
    name: "tiny_clip_vision",
    input: [valueInfo("pixel_values", onnx.TensorProto.DataType.FLOAT, ["batch_size", "num_channels", "height", "width"])],
    output: [valueInfo("image_embeds", onnx.TensorProto.DataType.FLOAT, ["batch_size", TINY_CLIP_DIM])],
    initializer: [floatTensor("projection", [3, TINY_CLIP_DIM], projection), floatTensor("bias", [TINY_CLIP_DIM], bias)],
    node: [
      { opType: "ReduceMean", input: ["pixel_values"], output: ["pooled"], attribute: [ints("axes", [2, 3]), int("keepdims", 0)] },
      { opType: "MatMul", input: ["pooled", "projection"], output: ["projected"] },
      { opType: "Add", input: ["projected", "bias"], output: ["image_embeds"] },
    ],
  });
}

/** openai/clip-vit-base-patch32's preprocessor_config.json (224, bicubic, centre crop, CLIP mean/std). */
export const CLIP_VIT_B32_PREPROCESSOR = {
  crop_size: 224,
  do_center_crop: true,
  do_normalize: true,
  do_resize: true,
  feature_extractor_type: "CLIPFeatureExtractor",
  image_mean: [0.48145466, 0.4578275, 0.40821073],
  image_std: [0.26862954, 0.26130258, 0.27577711],
  resample: 3,
  size: 224,
};

function clipConfig(): object {
  return {
    _name_or_path: "albums-tests/tiny-clip",
    architectures: ["CLIPModel"],
    model_type: "clip",
    projection_dim: TINY_CLIP_DIM,
    text_config: { model_type: "clip_text_model", max_position_embeddings: 77, vocab_size: 49408, bos_token_id: 49406, eos_token_id: 49407, pad_token_id: 1 },
    vision_config: { model_type: "clip_vision_model", image_size: 224, patch_size: 32, num_channels: 3 },
  };
}

/** Writes the tiny CLIP model into a new temp folder and returns its path (remove it when done). */
export async function writeTinyClipModel(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "albums-tiny-clip-"));
  await fs.mkdir(path.join(dir, "onnx"));
  for (const file of TOKENIZER_FILES) await fs.copyFile(sharedPath("models/clip-tokenizer", file), path.join(dir, file));
  const vocab = JSON.parse(await fs.readFile(path.join(dir, "vocab.json"), "utf8")) as Record<string, number>;
  const colourTokenIds = COLOUR_WORDS.map((word) => vocab[`${word}</w>`]!);
  const vocabSize = Math.max(...Object.values(vocab)) + 1;
  await fs.writeFile(path.join(dir, "onnx/text_model.onnx"), textModel(vocabSize, colourTokenIds));
  await fs.writeFile(path.join(dir, "onnx/vision_model.onnx"), visionModel());
  await fs.writeFile(path.join(dir, "preprocessor_config.json"), JSON.stringify(CLIP_VIT_B32_PREPROCESSOR, null, 2));
  await fs.writeFile(path.join(dir, "config.json"), JSON.stringify(clipConfig(), null, 2));
  return dir;
}
