import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { readPatched, type Patch } from "@/lib/metadata-strip/patches";
import { patchedCrc32 } from "./patched-crc";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patched-crc-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function patchedBytes(file: string, patches: Patch[], size: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of readPatched(file, patches, 0, size - 1)) parts.push(chunk);
  return Buffer.concat(parts);
}

describe("patchedCrc32", () => {
  it.each([
    ["no patch", 1000, []],
    ["one blanked span in the middle", 5000, [{ offset: 100, length: 300 }]],
    ["spans at both ends, new bytes and zeros", 3 * 1024 * 1024 + 17, [{ offset: 0, length: 20, bytes: Buffer.from("II*\0replacement-tiff") }, { offset: 3 * 1024 * 1024, length: 17 }]],
    ["overlapping and touching patches, one past the end", 4096, [{ offset: 10, length: 50 }, { offset: 40, length: 30, bytes: randomBytes(30) }, { offset: 70, length: 5 }, { offset: 4090, length: 100 }]],
  ] as [string, number, Patch[]][])("%s: equals the CRC of the patched bytes", async (_, size, patches) => {
    const file = path.join(dir, `${size}.bin`);
    const data = randomBytes(size);
    fs.writeFileSync(file, data);
    const expected = zlib.crc32(await patchedBytes(file, patches, size)) >>> 0;
    expect(await patchedCrc32(file, size, zlib.crc32(data) >>> 0, patches)).toBe(expected);
  });
});
