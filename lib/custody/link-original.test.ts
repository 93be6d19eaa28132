import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linkOriginal } from "./link-original";
import { originalOf, testDataDir } from "./test-data-dir";

const dir = testDataDir();
afterAll(() => dir.cleanup());

describe("linkOriginal", () => {
  it("links the temp bytes into place, keeps an original already there, and puts it back once moved away", async () => {
    const temp = dir.plant(path.join(dir.paths.tmp, "upload-1"), "the bytes");
    const destination = originalOf(dir.paths);
    await linkOriginal(temp, destination);
    expect(fs.statSync(destination).ino).toBe(fs.statSync(temp).ino);
    fs.rmSync(destination);
    dir.plant(destination, "the bytes");
    const inode = fs.statSync(destination).ino;
    await linkOriginal(temp, destination);
    expect(fs.statSync(destination).ino).toBe(inode);
    fs.renameSync(destination, path.join(dir.paths.root, "moved")); // a purge took it away
    await linkOriginal(temp, destination);
    expect(fs.readFileSync(destination, "utf8")).toBe("the bytes");
    fs.rmSync(temp); // ingest drops the temp name: the original keeps the bytes
    expect(fs.readFileSync(destination, "utf8")).toBe("the bytes");
  });
});
