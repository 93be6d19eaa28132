import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedPath } from "@/tests/support/shared";
import { planGuestCopy } from "./plan-guest-copy";

const dirPath = fs.mkdtempSync(path.join(os.tmpdir(), "guest-copy-"));
afterAll(() => fs.rmSync(dirPath, { recursive: true, force: true }));

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
    const file = path.join(dirPath, "motion.heic");
    fs.writeFileSync(file, Buffer.concat([heic, box("mpvd", mp4)]));
    const size = heic.length + 8 + mp4.length;
    const copy = await planGuestCopy(file, size, "image/heic", true);
    expect(copy.size).toBe(heic.length);
    expect(copy.patches.every((p) => p.offset + p.length <= heic.length)).toBe(true);
    expect((await planGuestCopy(file, size, "image/heic", false)).size).toBe(size);
    // A flag without a video to find (a stale flag) leaves the file whole.
    const plain = path.join(dirPath, "plain.heic");
    fs.writeFileSync(plain, heic);
    expect((await planGuestCopy(plain, heic.length, "image/heic", true)).size).toBe(heic.length);
  });

  it("cuts a Samsung Motion Photo at its first SEF block, found from the SEF directory at the end", async () => {
    const jpeg = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Kodak_CX7530.jpg"));
    const mp4 = Buffer.concat([box("ftyp", Buffer.from("isom\0\0\0\0isom", "latin1")), box("moov", Buffer.alloc(64)), box("mdat", Buffer.alloc(256, 7))]);
    const block = (type: number, name: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt16LE(type, 2);
      head.writeUInt32LE(name.length, 4);
      return Buffer.concat([head, Buffer.from(name, "latin1"), data]);
    };
    const blocks = [block(0x0a01, "Image_UTC_Data", Buffer.from("1700000000000")), block(0x0a30, "MotionPhoto_Data", mp4)];
    const dirAt = jpeg.length + blocks[0]!.length + blocks[1]!.length;
    const dir = Buffer.alloc(12 + 12 * blocks.length);
    dir.write("SEFH", 0, "latin1");
    dir.writeUInt32LE(107, 4);
    dir.writeUInt32LE(blocks.length, 8);
    let at = jpeg.length;
    blocks.forEach((b, i) => {
      dir.writeUInt32LE(dirAt - at, 12 + i * 12 + 4);
      dir.writeUInt32LE(b.length, 12 + i * 12 + 8);
      at += b.length;
    });
    const end = Buffer.alloc(8);
    end.writeUInt32LE(dir.length, 0);
    end.write("SEFT", 4, "latin1");
    const file = path.join(dirPath, "samsung.jpg");
    const data = Buffer.concat([jpeg, ...blocks, dir, end]);
    fs.writeFileSync(file, data);
    expect((await planGuestCopy(file, data.length, "image/jpeg", true)).size).toBe(jpeg.length);
  });
});
