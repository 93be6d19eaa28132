import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { listQuarantine } from "./list-quarantine";
import { quarantineFile } from "./quarantine-file";
import { originalOf, testDataDir } from "./test-data-dir";

const dir = testDataDir();
afterAll(() => dir.cleanup());

describe("quarantineFile + listQuarantine", () => {
  it("moves the file out of originals/ with its reason, keeps same-named ones apart, and lists them", async () => {
    expect(await listQuarantine(dir.paths)).toEqual([]);
    const file = originalOf(dir.paths);
    dir.plant(file, "first");
    const first = await quarantineFile(dir.paths, file, "hash mismatch", new Date("2030-01-01T00:00:00Z"));
    dir.plant(file, "second!");
    const second = await quarantineFile(dir.paths, file, "unknown type", new Date("2030-01-02T00:00:00Z"));
    expect(fs.existsSync(file)).toBe(false);
    expect(first).not.toBe(second);
    expect(await listQuarantine(dir.paths)).toEqual([
      { name: first, reason: "hash mismatch", at: "2030-01-01T00:00:00.000Z", size: 5 },
      { name: second, reason: "unknown type", at: "2030-01-02T00:00:00.000Z", size: 7 },
    ]);
  });
});
