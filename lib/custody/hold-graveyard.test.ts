import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { custodyPaths } from "./custody-paths";
import { withOriginal } from "./find-original";
import { graveyardHeld, holdGraveyard } from "./hold-graveyard";
import { originalOf, SHA, testDataDir } from "./test-data-dir";

const dir = testDataDir();
afterAll(() => dir.cleanup());

describe("holdGraveyard", () => {
  it("holds until released; a hold of a dead process does not count and is cleared", async () => {
    expect(await graveyardHeld(dir.paths)).toBe(false);
    const release = await holdGraveyard(dir.paths);
    expect(await graveyardHeld(dir.paths)).toBe(true);
    await release();
    expect(await graveyardHeld(dir.paths)).toBe(false);
    const stale = dir.plant(path.join(custodyPaths(dir.paths).graveyard, "hold-999999999-00000000-0000-0000-0000-000000000000"));
    expect(await graveyardHeld(dir.paths)).toBe(false);
    expect(fs.existsSync(stale)).toBe(false);
  });
});

describe("withOriginal", () => {
  it("reads an original in place, else in the graveyard, else answers false", async () => {
    const seen: string[] = [];
    const read = async (file: string) => void seen.push(fs.readFileSync(file, "utf8"));
    expect(await withOriginal(dir.paths, SHA, "jpg", read)).toBe(false);
    dir.plant(path.join(custodyPaths(dir.paths).graveyard, "burial-1", `${SHA}.jpg`), "buried");
    expect(await withOriginal(dir.paths, SHA, "jpg", read)).toBe(true);
    dir.plant(originalOf(dir.paths), "in place");
    expect(await withOriginal(dir.paths, SHA, "jpg", read)).toBe(true);
    expect(seen).toEqual(["buried", "in place"]);
  });

  it("looks again when the file moves away while being opened", async () => {
    const file = dir.plant(originalOf(dir.paths), "moving");
    const buried = path.join(custodyPaths(dir.paths).graveyard, "burial-2", `${SHA}.jpg`);
    fs.mkdirSync(path.dirname(buried), { recursive: true });
    let calls = 0;
    const ok = await withOriginal(dir.paths, SHA, "jpg", async (source) => {
      calls += 1;
      if (calls === 1) {
        fs.renameSync(file, buried); // a purge moved it between the look-up and the read
        fs.readFileSync(source);
      }
    });
    expect(ok).toBe(true);
    expect(calls).toBe(2);
  });
});
