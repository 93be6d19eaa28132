import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText, readTextHead } from "./read-text-head";

describe("readTextHead", () => {
  it("reads at most the cap, drops a character cut in two and a BOM, and refuses binary bytes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "text-head-"));
    const file = path.join(dir, "t.txt");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("ab€cd")])); // € is 3 bytes
    expect(await readTextHead(file, 100)).toEqual({ text: "ab€cd", truncated: false });
    expect(await readTextHead(file, 7)).toEqual({ text: "ab", truncated: true }); // BOM + "ab" + 2 of €'s 3 bytes
    fs.writeFileSync(file, Buffer.from([0x61, 0x00, 0x62]));
    expect((await readTextHead(file, 100)).text).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(decodeText(Buffer.from([0xc3, 0x28]), false)).toBeNull(); // invalid UTF-8
  });
});
