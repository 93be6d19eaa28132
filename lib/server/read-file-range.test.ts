import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFileRange } from "./read-file-range";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-read-range-"));
const file = path.join(dir, "data.bin");
const data = randomBytes(2 * 4 * 1024 * 1024 + 777);
fs.writeFileSync(file, data);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const collect = async (start: number, end: number) => {
  const chunks: Buffer[] = [];
  for await (const chunk of readFileRange(file, start, end)) chunks.push(chunk);
  return chunks;
};

describe("readFileRange", () => {
  it("yields exactly the range, in chunks of at most 4 MiB, each its own buffer", async () => {
    const whole = await collect(0, data.length - 1);
    expect(whole.map((c) => c.length)).toEqual([4 << 20, 4 << 20, 777]);
    expect(Buffer.concat(whole).equals(data)).toBe(true);
    expect(new Set(whole.map((c) => c.buffer)).size).toBe(3);
    expect(Buffer.concat(await collect(5, 1_500_000)).equals(data.subarray(5, 1_500_001))).toBe(true);
    expect(await collect(10, 9)).toEqual([]);
  });

  it("fails with EIO, not a short body, when the file is shorter than the range", async () => {
    await expect(collect(0, data.length + 10)).rejects.toMatchObject({ code: "EIO" });
  });
});
