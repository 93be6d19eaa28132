import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTfjsWeights } from "./read-tfjs-weights";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-tfjs-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("readTfjsWeights", () => {
  it("reads float32 and quantised uint8 entries across shards in manifest order", () => {
    const floats = Buffer.from(Float32Array.of(1.5, -2).buffer);
    fs.writeFileSync(path.join(dir, "m.bin"), Buffer.concat([floats, Buffer.from([0, 10])]));
    fs.writeFileSync(path.join(dir, "m2.bin"), Buffer.from([255]));
    fs.writeFileSync(
      path.join(dir, "m-weights_manifest.json"),
      JSON.stringify([
        { paths: ["m.bin", "m2.bin"], weights: [
          { name: "a", shape: [2], dtype: "float32" },
          { name: "b", shape: [1, 3], dtype: "float32", quantization: { dtype: "uint8", scale: 0.5, min: -1 } },
        ] },
      ]),
    );
    const weights = readTfjsWeights(dir, "m");
    expect(weights.get("a")).toEqual({ shape: [2], data: Float32Array.of(1.5, -2) });
    expect(weights.get("b")).toEqual({ shape: [1, 3], data: Float32Array.of(-1, 4, 126.5) });
  });

  it("refuses a manifest longer than its shards", () => {
    fs.writeFileSync(path.join(dir, "short-weights_manifest.json"), JSON.stringify([{ paths: ["m2.bin"], weights: [{ name: "c", shape: [4], dtype: "float32" }] }]));
    expect(() => readTfjsWeights(dir, "short")).toThrow(/weights end before c/);
  });
});
