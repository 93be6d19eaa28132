import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deviceOf } from "./device-of";

describe("deviceOf", () => {
  it("answers for a folder not created yet with its nearest existing ancestor's filesystem", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-dev-"));
    try {
      expect(deviceOf(path.join(dir, "not", "yet", "there"))).toBe(fs.statSync(dir).dev);
      expect(deviceOf("/proc/self")).not.toBe(fs.statSync(dir).dev);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
