import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LIBRARY_MARKER, probeLibrary } from "./probe-library";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "probe-library-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("probeLibrary", () => {
  it("tells an empty mount point, a missing folder and a file from a library that is there", async () => {
    expect(await probeLibrary(root, [])).toMatchObject({ available: false, reason: expect.stringContaining("empty") });
    expect(await probeLibrary(path.join(root, "absent"), [])).toMatchObject({ available: false, reason: expect.stringContaining("ENOENT") });
    fs.mkdirSync(path.join(root, "2019"));
    expect(await probeLibrary(root, [])).toEqual({ available: true });
    expect(await probeLibrary(root, ["2020", "2021"])).toMatchObject({ available: false }); // other entries than those indexed: not the share
    expect(await probeLibrary(root, ["2019", "2020"])).toEqual({ available: true });
    fs.writeFileSync(path.join(root, LIBRARY_MARKER), "");
    expect(await probeLibrary(root, ["2020"])).toEqual({ available: true });
    expect(await probeLibrary(path.join(root, LIBRARY_MARKER), [])).toMatchObject({ available: false, reason: expect.stringContaining("not a folder") });
  });
});
