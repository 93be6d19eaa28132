import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeVideo } from "@/tests/support/media";
import { sharedPath } from "@/tests/support/shared";
import { planGuestCopy } from "./plan-guest-copy";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guest-copy-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("planGuestCopy", () => {
  it("cuts a HEIC Motion Photo before the top-level box that wraps its video, and only when the video was found", async () => {
    const heic = fs.readFileSync(sharedPath("fixtures", "photos", "heic", "IMG_5195.HEIC"));
    const mp4 = makeVideo("mp4", { seconds: 1, width: 64, height: 48 });
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + mp4.length, 0);
    head.write("mpvd", 4, "latin1");
    const file = path.join(dir, "motion.heic");
    fs.writeFileSync(file, Buffer.concat([heic, head, mp4]));
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
