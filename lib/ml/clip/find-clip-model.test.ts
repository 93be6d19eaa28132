import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyClipModel } from "@/tests/support/clip-model";
import { CLIP_MODEL_FILES, findClipModel, isClipModelPresent } from "./find-clip-model";

let modelDir: string;

beforeAll(async () => {
  modelDir = await writeTinyClipModel();
});

afterAll(async () => {
  if (modelDir) await fs.rm(modelDir, { recursive: true, force: true });
});

describe("findClipModel", () => {
  it("finds a complete model", async () => {
    expect(await findClipModel(modelDir)).toEqual({ present: true, modelDir, missing: [] });
    expect(await isClipModelPresent(modelDir)).toBe(true);
  });

  it("names a missing and an empty file", async () => {
    const copy = await fs.mkdtemp(path.join(os.tmpdir(), "albums-clip-copy-"));
    try {
      await fs.cp(modelDir, copy, { recursive: true });
      await fs.rm(path.join(copy, "onnx/text_model.onnx"));
      await fs.writeFile(path.join(copy, "tokenizer.json"), "");
      expect(await findClipModel(copy)).toMatchObject({ present: false, missing: ["tokenizer.json", "onnx/text_model.onnx"] });
      expect(await isClipModelPresent(copy)).toBe(false);
    } finally {
      await fs.rm(copy, { recursive: true, force: true });
    }
  });

  it("lists every file for a folder that does not exist", async () => {
    const status = await findClipModel(path.join(os.tmpdir(), "albums-no-such-model"));
    expect(status.present).toBe(false);
    expect(status.missing).toEqual([...CLIP_MODEL_FILES]);
  });
});
