// Reads a TF.js layers/graph weights manifest (JSON + .bin shards) into float32 tensors.
import fs from "node:fs";
import path from "node:path";

/** A dequantised weight: its TF.js shape (NHWC conventions: conv filters are [kh, kw, in, out]) and values. */
export type TfjsWeight = { shape: number[]; data: Float32Array };

type ManifestEntry = { name: string; shape: number[]; dtype: string; quantization?: { dtype: string; scale?: number; min?: number } };
type ManifestGroup = { paths: string[]; weights: ManifestEntry[] };

const BYTES: Record<string, number> = { float32: 4, int32: 4, uint8: 1, uint16: 2 };

/**
 * The weights of `<dir>/<name>-weights_manifest.json`: each group's shards concatenated in order,
 * every entry decoded (float32, int32, or quantised uint8/uint16 as `q·scale + min`) by name.
 * Throws when a shard is shorter than the manifest says or a dtype is not one of those.
 */
export function readTfjsWeights(dir: string, name: string): Map<string, TfjsWeight> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, `${name}-weights_manifest.json`), "utf8")) as ManifestGroup[];
  const weights = new Map<string, TfjsWeight>();
  for (const group of manifest) {
    const bytes = Buffer.concat(group.paths.map((p) => fs.readFileSync(path.join(dir, p))));
    let offset = 0;
    for (const entry of group.weights) {
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const stored = entry.quantization?.dtype ?? entry.dtype;
      const size = BYTES[stored];
      if (!size) throw new Error(`${name}: ${entry.name} has unsupported dtype ${stored}`);
      if (offset + count * size > bytes.length) throw new Error(`${name}: weights end before ${entry.name}`);
      weights.set(entry.name, { shape: entry.shape, data: decode(bytes, offset, count, stored, entry) });
      offset += count * size;
    }
  }
  return weights;
}

function decode(bytes: Buffer, offset: number, count: number, stored: string, entry: ManifestEntry): Float32Array {
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * BYTES[stored]!);
  const { scale = 1, min = 0 } = entry.quantization ?? {};
  for (let i = 0; i < count; i++) {
    switch (stored) {
      case "float32": out[i] = view.getFloat32(i * 4, true); break;
      case "int32": out[i] = view.getInt32(i * 4, true); break;
      case "uint8": out[i] = view.getUint8(i) * scale + min; break;
      case "uint16": out[i] = view.getUint16(i * 2, true) * scale + min; break;
      default: throw new Error(`${entry.name}: unsupported dtype ${stored}`);
    }
  }
  return out;
}
