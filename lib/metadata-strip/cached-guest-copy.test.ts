import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedPath } from "@/tests/support/shared";
import { cachedGuestCopy } from "./cached-guest-copy";
import { readPatched } from "./patches";
import { planGuestCopy } from "./plan-guest-copy";

const dirPath = fs.mkdtempSync(path.join(os.tmpdir(), "cached-guest-copy-"));
afterAll(() => fs.rmSync(dirPath, { recursive: true, force: true }));

const bytesOf = async (chunks: AsyncIterable<Buffer>) => {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
};

describe("cachedGuestCopy", () => {
  it("gives the bytes planGuestCopy gives, and a second time without reading the file's metadata again", async () => {
    const file = path.join(dirPath, "photo.jpg");
    fs.copyFileSync(sharedPath("fixtures", "photos", "jpg", "Kodak_CX7530.jpg"), file);
    const size = fs.statSync(file).size;
    const asset = { sha256: "a".repeat(64), mimeType: "image/jpeg" };
    const library = {};
    const planned = await planGuestCopy(file, size, asset.mimeType, false);
    const cached = await cachedGuestCopy(library, asset, file, size);
    expect(cached.size).toBe(planned.size);
    expect(planned.patches.some((p) => p.bytes)).toBe(true); // the Exif block is replaced, not only blanked
    expect(await bytesOf(readPatched(file, cached.patches, 0, size - 1))).toEqual(await bytesOf(readPatched(file, planned.patches, 0, size - 1)));
    // Kept compact: the minimal Exif block's zero padding is held as a blank, not as bytes.
    expect(cached.patches.reduce((sum, p) => sum + (p.bytes?.length ?? 0), 0)).toBeLessThan(256);
    // Remembered: the same plan with the file's metadata gone (it is not parsed again), but not for another library.
    fs.writeFileSync(file, Buffer.alloc(size));
    expect(await cachedGuestCopy(library, asset, file, size)).toBe(cached);
    expect((await cachedGuestCopy({}, asset, file, size)).patches).toEqual([]);
  });
});
