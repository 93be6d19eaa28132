import fs from "node:fs/promises";
import zlib from "node:zlib";
import { overlay, readAt, type Patch } from "@/lib/metadata-strip/patches";

/**
 * The CRC-32 of `file` as a guest receives it (`patches` laid over it), from the CRC-32 of the
 * original (`size` bytes, `crc`) and the bytes under the patches only: CRC-32 is linear, so
 * changing a span changes the CRC by the CRC of the difference moved past the bytes after it.
 * A guest ZIP of files whose original CRC is known (recorded at ingest) reads no file twice.
 */
export async function patchedCrc32(file: string, size: number, crc: number, patches: Patch[]): Promise<number> {
  let result = crc;
  const fh = await fs.open(file, "r");
  try {
    for (const { start, end } of spans(patches, size)) {
      const before = await readAt(fh, start, end - start + 1);
      if (before.length !== end - start + 1) throw new Error(`${file} changed while its CRC was being derived.`);
      const after = Buffer.from(before);
      overlay(after, start, patches);
      for (let i = 0; i < after.length; i++) after[i]! ^= before[i]!;
      const difference = (zlib.crc32(after) ^ zlib.crc32(Buffer.alloc(after.length))) >>> 0;
      result ^= multiplyModP(xPow8n(size - 1 - end), difference);
    }
  } finally {
    await fh.close();
  }
  return result >>> 0;
}

/** The patched spans, merged where they overlap or touch, within the file. */
function spans(patches: Patch[], size: number): { start: number; end: number }[] {
  const sorted = patches.filter((p) => p.length > 0 && p.offset < size).sort((a, b) => a.offset - b.offset);
  const merged: { start: number; end: number }[] = [];
  for (const p of sorted) {
    const end = Math.min(p.offset + p.length, size) - 1;
    const last = merged.at(-1);
    if (last && p.offset <= last.end + 1) last.end = Math.max(last.end, end);
    else merged.push({ start: p.offset, end });
  }
  return merged;
}

// Arithmetic modulo the CRC-32 polynomial, reflected (as zlib's crc32_combine does it).
const POLY = 0xedb88320;

/** a·b modulo P. */
function multiplyModP(a: number, b: number): number {
  let m = 1 << 31;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo P, k = 0..31. */
const X2N = (() => {
  const table: number[] = [];
  let p = 1 << 30; // x^1
  for (let k = 0; k < 32; k++) {
    table.push(p >>> 0);
    p = multiplyModP(p, p);
  }
  return table;
})();

/** x^(8n) modulo P: what moving a CRC past n zero bytes multiplies it by (n may pass 2^32). */
function xPow8n(n: number): number {
  let p = 0x80000000; // x^0
  for (let k = 3; n > 0; k++, n = Math.floor(n / 2)) if (n % 2 === 1) p = multiplyModP(X2N[k % 32]!, p);
  return p;
}
