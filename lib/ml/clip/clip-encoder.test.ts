// Runs the real tokenizer, processor and ONNX sessions over a constructed tiny CLIP model
// (tests/support/clip-model.ts): this proves the plumbing, not CLIP's semantics.
import fs from "node:fs/promises";
import path from "node:path";
import { AutoTokenizer } from "@huggingface/transformers";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TINY_CLIP_DIM, writeTinyClipModel } from "@/tests/support/clip-model";
import { type ClipEncoder, createClipEncoder } from "./clip-encoder";

const COLOURS = { red: [230, 20, 25], green: [20, 200, 40], blue: [30, 40, 220] } as const;
type Colour = keyof typeof COLOURS;

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

function photo([r, g, b]: readonly number[], format: "jpeg" | "png" | "webp"): Promise<Buffer> {
  // Noisy, non-square photos so resize + centre crop really run.
  const width = 640, height = 360;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const jitter = ((i * 2654435761) >>> 24) % 40 - 20;
    pixels[i * 3] = Math.max(0, Math.min(255, r! + jitter));
    pixels[i * 3 + 1] = Math.max(0, Math.min(255, g! + jitter));
    pixels[i * 3 + 2] = Math.max(0, Math.min(255, b! + jitter));
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer();
}

let modelDir: string;
let encoder: ClipEncoder;
const images = {} as Record<Colour, Float32Array>;

beforeAll(async () => {
  modelDir = await writeTinyClipModel();
  encoder = await createClipEncoder({ modelDir, threads: 1 });
  const formats = { red: "jpeg", green: "png", blue: "webp" } as const;
  for (const colour of Object.keys(COLOURS) as Colour[]) images[colour] = await encoder.embedImage(await photo(COLOURS[colour], formats[colour]));
});

afterAll(async () => {
  await encoder?.close();
  if (modelDir) await fs.rm(modelDir, { recursive: true, force: true });
});

describe("createClipEncoder over a constructed model", () => {
  it("reports the model id and dimension, and gives unit-length embeddings", async () => {
    expect(encoder.modelId).toBe("albums-tests/tiny-clip");
    expect(encoder.dim).toBe(TINY_CLIP_DIM);
    const text = await encoder.embedText("a photo of a cat");
    for (const vector of [text, ...Object.values(images)]) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(TINY_CLIP_DIM);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
  });

  it.each(Object.keys(COLOURS) as Colour[])("ranks the %s photo first for 'a <colour> photo'", async (colour) => {
    const query = await encoder.embedText(`a ${colour} photo`);
    const ranked = (Object.keys(images) as Colour[]).sort((a, b) => dot(query, images[b]) - dot(query, images[a]));
    expect(ranked[0]).toBe(colour);
  });

  it("reads the tokenizer the way CLIP does (real OpenAI BPE files)", async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(modelDir);
    const ids = tokenizer("a photo of a cat").input_ids.tolist() as bigint[][];
    expect(ids[0]!.map(Number)).toEqual([49406, 320, 1125, 539, 320, 2368, 49407]);
  });

  it("truncates long text to CLIP's 77-token context instead of failing", async () => {
    const vector = await encoder.embedText(`${"a very long caption about a red photo ".repeat(40)}`);
    expect(vector[0]).toBeGreaterThan(0.9);
  });

  it("refuses an image it cannot decode", async () => {
    await expect(encoder.embedImage(Buffer.from("not an image"))).rejects.toThrow();
  });
});

describe("createClipEncoder with an incomplete folder", () => {
  it("fails with a clear error naming the missing file", async () => {
    const broken = await writeTinyClipModel();
    try {
      await fs.rm(path.join(broken, "onnx/vision_model.onnx"));
      await expect(createClipEncoder({ modelDir: broken })).rejects.toMatchObject({
        code: "not_ready",
        message: expect.stringContaining("onnx/vision_model.onnx"),
      });
    } finally {
      await fs.rm(broken, { recursive: true, force: true });
    }
  });
});
