import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chooseFacePipeline, faceApiCacheDir } from "./choose-face-pipeline";
import { DETECTOR_FILE, EMBEDDER_FILE } from "./face-types";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-face-choice-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const config = (facePipeline: "auto" | "face-api" | "yunet") => ({ facePipeline, models: { dir, faces: path.join(dir, "faces"), clip: "", captioner: "" } });

describe("chooseFacePipeline", () => {
  it("runs face-api unless the owner's YuNet + MobileFaceNet are both there (non-empty), and obeys an explicit choice", () => {
    expect(chooseFacePipeline(config("auto"))).toBe("face-api");
    fs.mkdirSync(path.join(dir, "faces"));
    fs.writeFileSync(path.join(dir, "faces", DETECTOR_FILE), "x");
    fs.writeFileSync(path.join(dir, "faces", EMBEDDER_FILE), "");
    expect(chooseFacePipeline(config("auto"))).toBe("face-api");
    fs.writeFileSync(path.join(dir, "faces", EMBEDDER_FILE), "x");
    expect(chooseFacePipeline(config("auto"))).toBe("yunet");
    expect(chooseFacePipeline(config("face-api"))).toBe("face-api");
    fs.rmSync(path.join(dir, "faces"), { recursive: true });
    expect(chooseFacePipeline(config("yunet"))).toBe("yunet");
    expect(faceApiCacheDir(config("auto"))).toBe(path.join(dir, "face-api"));
  });
});
