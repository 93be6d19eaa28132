import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedPath } from "@/tests/support/shared";
import { planGuestCopy } from "./plan-guest-copy";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guest-copy-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An ISO-BMFF box: size, type, payload. */
function box(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, payload]);
}

describe("planGuestCopy", () => {
  it("cuts a HEIC Motion Photo before the top-level box that wraps its video, and only when the video was found", async () => {
    const heic = fs.readFileSync(sharedPath("fixtures", "photos", "heic", "IMG_5195.HEIC"));
    const mp4 = Buffer.concat([box("ftyp", Buffer.from("isom\0\0\0\0isom", "latin1")), box("moov", Buffer.alloc(64)), box("mdat", Buffer.alloc(256, 7))]);
    const file = path.join(dir, "motion.heic");
    fs.writeFileSync(file, Buffer.concat([heic, box("mpvd", mp4)]));
    const size = heic.length + 8 + mp4.length;
    const copy = await planGuestCopy(file, size, "image/heic", true);
    expect(copy.size).toBe(heic.length);
    expect(copy.patches.every((p) => p.offset + p.length <= heic.length)).toBe(true);
    expect((await planGuestCopy(file, size, "image/heic", false)).size).toBe(size);
    // A flag without a video to find (a stale flag) leaves the file whole.
    const plain = path.join(dir, "plain.heic");
    fs.writeFileSync(plain, heic);
    expect((await planGuestCopy(plain, heic.length, "image/heic", true)).size).toBe(heic.length);
  });
});
